package org.archbench.reports;

/** The report's first section: the pick table, the one table a reader reads if nothing else. */
final class PickSection {

  private PickSection() {}

  static Section build(RunResults run) {
    Section section = new Section("picks", "Which should I pick?");
    if (run.evaluations().isEmpty()) {
      section.missing("eval/*.json (archbench evaluate did not run): nothing to pick from");
    }
    if (run.figures().isEmpty()) {
      section.missing("jmh/figures.json (the benchmarks did not run): no costs to pick by");
    }
    PairedComparisons comparisons = PairedComparisons.of(run);
    if (comparisons.none()) {
      section.note("Read down to the accuracy you need: each row's target is one configuration's"
          + " lower 95% accuracy bound, and every configuration counted clears it with"
          + " confidence. Of those, the cheapest by each figure, with its 95% interval, and the"
          + " configurations whose figure no measurement tells apart from it (the ratio's"
          + " interval covers 1).");
    } else {
      section.note("Read down to the accuracy you need: each row's target is one configuration's"
          + " lower 95% accuracy bound, and every configuration counted clears it with"
          + " confidence. Of those, the cheapest by each figure, as the comparisons of"
          + " configurations measured back to back in the same blocks tell it, with its 95%"
          + " interval; the configurations equivalent to it within " + comparisons.margin()
          + " (the paired ratio's 90% interval lies inside the margin); and, apart, those the"
          + " blocks have not yet told apart from it, with about how many blocks would. A cell"
          + " is decided when none is left undecided.");
    }
    section.table(PickTable.of(Configuration.of(run), comparisons));
    return section;
  }
}
