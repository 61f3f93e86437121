package org.archbench.reports;

import org.archbench.schema.robustness.RobustnessReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accuracy against severity per corruption, the contact sheet, CE and mCE. */
final class RobustnessSection {

  /** Where the report keeps its copy of the contact sheet. */
  static final String CONTACT_SHEET = "assets/contact-sheet.png";

  private RobustnessSection() {}

  static Section build(RunResults run, Charts charts, boolean hasContactSheet) {
    Section section = new Section("robustness", "Robustness to corruptions");
    if (run.robustness().isEmpty()) {
      return section.missing("robustness/*.json (archbench robustness did not run)");
    }
    List<List<Object>> summary = new ArrayList<>();
    Set<String> corruptions = new LinkedHashSet<>();
    Map<String, Map<String, List<double[]>>> byCorruption = new LinkedHashMap<>();
    for (String arch : run.archs()) {
      RobustnessReport report = run.robustness().get(arch);
      if (report == null) {
        continue;
      }
      summary.add(Arrays.asList(arch, report.engine(), report.cleanAccuracy(),
          report.meanCorruptedAccuracy(), report.meanCorruptionError(),
          report.relativeMeanCorruptionError()));
      for (RobustnessReport.ConditionAccuracy condition : report.conditions()) {
        String corruption = condition.corruption();
        corruptions.add(corruption);
        byCorruption.computeIfAbsent(corruption, c -> new LinkedHashMap<>())
            .computeIfAbsent(arch, a -> new ArrayList<>())
            .add(new double[] {condition.severity(), 100 * condition.accuracy()});
      }
    }
    RobustnessReport any = run.robustness().values().iterator().next();
    section.note("mCE and relative mCE are against "
        + (any.reference() != null ? any.reference() : "the reference")
        + " (1.000 by definition); lower is more robust.");
    section.table(new Table("robustness", "Clean and corrupted accuracy, mCE", List.of(
        Table.Column.text("arch", "Architecture"), Table.Column.text("engine", "Engine"),
        Table.Column.percent("clean_accuracy", "Clean %"),
        Table.Column.percent("mean_corrupted_accuracy", "Mean corrupted %"),
        Table.Column.number("mce", "mCE", "%.3f"),
        Table.Column.number("relative_mce", "Relative mCE", "%.3f")), summary));
    List<Table.Column> columns = new ArrayList<>();
    columns.add(Table.Column.text("arch", "Architecture"));
    corruptions.forEach(c -> columns.add(Table.Column.number(c, c.replace('_', ' '), "%.3f")));
    List<List<Object>> errors = new ArrayList<>();
    for (String arch : run.archs()) {
      RobustnessReport report = run.robustness().get(arch);
      if (report == null) {
        continue;
      }
      List<Object> row = new ArrayList<>();
      row.add(arch);
      corruptions.forEach(c -> row.add(report.corruptionErrors().get(c)));
      errors.add(row);
    }
    section.table(new Table("corruption-errors", "Corruption error per corruption (CE)", columns,
        errors));
    if (hasContactSheet) {
      section.image("One test image under every corruption and severity", CONTACT_SHEET);
    } else {
      section.missing("robustness/contact-sheet.png");
    }
    byCorruption.forEach((corruption, lines) -> section.figure(corruption, () ->
        charts.lines(corruption.replace('_', ' '), "severity", "accuracy, %", lines)));
    return section;
  }
}
