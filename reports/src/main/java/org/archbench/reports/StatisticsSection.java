package org.archbench.reports;

import org.archbench.schema.stats.StatisticsReport;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.stats.SeedStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** McNemar's test between every pair of architectures, and the spread over seeds. */
final class StatisticsSection {

  private StatisticsSection() {}

  static Section build(RunResults run) {
    Section section = new Section("statistics", "Statistics");
    if (run.statistics().isEmpty()) {
      return section.missing("stats.json (archbench stats did not run)");
    }
    StatisticsReport stats = run.statistics().get();
    section.note(String.format(java.util.Locale.ROOT, "McNemar's test on the %s predictions of the"
        + " same test images (exact below 25 discordant images), Holm-corrected at %.0f%%"
        + " family-wise; * marks a significant difference.", stats.engine(),
        100 * stats.alpha()));
    List<String> archs = new ArrayList<>();
    for (SignificancePair pair : stats.pairs()) {
      for (String arch : List.of(pair.first(), pair.second())) {
        if (!archs.contains(arch)) {
          archs.add(arch);
        }
      }
    }
    List<Table.Column> columns = new ArrayList<>();
    columns.add(Table.Column.text("arch", ""));
    archs.forEach(a -> columns.add(Table.Column.text(a, a)));
    List<List<Object>> matrix = new ArrayList<>();
    for (String row : archs) {
      List<Object> cells = new ArrayList<>();
      cells.add(row);
      for (String column : archs) {
        cells.add(row.equals(column) ? "" : verdict(stats, row, column));
      }
      matrix.add(cells);
    }
    section.table(new Table("mcnemar", "Holm-corrected p-values", columns, matrix));
    List<List<Object>> pairs = new ArrayList<>();
    for (SignificancePair pair : stats.pairs()) {
      pairs.add(SignificanceColumns.cells(pair));
    }
    section.table(new Table("mcnemar-pairs", "Every pair", SignificanceColumns.columns(), pairs));
    List<List<Object>> seeds = new ArrayList<>();
    for (SeedStatistics arch : stats.seeds()) {
      for (SeedStatistics.MetricSummary metric : arch.metrics()) {
        seeds.add(Arrays.asList(arch.arch(), arch.seeds().size(), metric.metric(), metric.mean(),
            metric.standardDeviation(), metric.lower95(), metric.upper95()));
      }
    }
    if (seeds.isEmpty()) {
      section.note("One seed per architecture: run with -Dbench.seeds=N for intervals over seeds.");
    } else {
      section.table(new Table("seeds", "Over training seeds: mean, standard deviation, 95% t-interval",
          List.of(Table.Column.text("arch", "Architecture"),
              Table.Column.number("seeds", "Seeds", "%d"), Table.Column.text("metric", "Metric"),
              Table.Column.number("mean", "Mean", "%.4f"),
              Table.Column.number("std", "Std", "%.4f"),
              Table.Column.number("lower95", "95% low", "%.4f"),
              Table.Column.number("upper95", "95% high", "%.4f")), seeds));
    }
    return section;
  }

  private static String verdict(StatisticsReport stats, String first, String second) {
    for (SignificancePair pair : stats.pairs()) {
      String a = pair.first();
      String b = pair.second();
      if ((a.equals(first) && b.equals(second)) || (a.equals(second) && b.equals(first))) {
        return Table.pValue(pair.holmPValue()) + (pair.significant() ? " *" : "");
      }
    }
    return null;
  }
}
