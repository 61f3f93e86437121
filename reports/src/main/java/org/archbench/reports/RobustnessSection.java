package org.archbench.reports;

import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.robustness.RobustnessReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy against severity per corruption, the contact sheet, CE and mCE, one row per model: each
 * architecture's float32 model and every variant the study ran on.
 */
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
    List<Model> models = models(run);
    for (Model model : models) {
      RobustnessReport report = model.report();
      summary.add(Arrays.asList(model.arch(), model.variant(), report.engine(),
          report.cleanAccuracy(), report.meanCorruptedAccuracy(), report.meanCorruptionError(),
          report.relativeMeanCorruptionError()));
      for (RobustnessReport.ConditionAccuracy condition : report.conditions()) {
        String corruption = condition.corruption();
        corruptions.add(corruption);
        byCorruption.computeIfAbsent(corruption, c -> new LinkedHashMap<>())
            .computeIfAbsent(ModelVariantIds.model(model.arch(), model.variant()),
                name -> new ArrayList<>())
            .add(new double[] {condition.severity(), 100 * condition.accuracy()});
      }
    }
    RobustnessReport any = run.robustness().values().iterator().next();
    section.note("mCE and relative mCE are against "
        + (any.reference() != null ? any.reference() : "the reference")
        + " (1.000 by definition); lower is more robust. A derived model (int8) is measured"
        + " against the same float32 reference, so its mCE compares directly with its float32"
        + " model's.");
    section.table(new Table("robustness", "Clean and corrupted accuracy, mCE", List.of(
        Table.Column.text("arch", "Architecture"), Table.Column.text("variant", "Variant"),
        Table.Column.text("engine", "Engine"),
        Table.Column.percent("clean_accuracy", "Clean %"),
        Table.Column.percent("mean_corrupted_accuracy", "Mean corrupted %"),
        Table.Column.number("mce", "mCE", "%.3f"),
        Table.Column.number("relative_mce", "Relative mCE", "%.3f")), summary));
    List<Table.Column> columns = new ArrayList<>();
    columns.add(Table.Column.text("arch", "Architecture"));
    columns.add(Table.Column.text("variant", "Variant"));
    corruptions.forEach(c -> columns.add(Table.Column.number(c, c.replace('_', ' '), "%.3f")));
    List<List<Object>> errors = new ArrayList<>();
    for (Model model : models) {
      List<Object> row = new ArrayList<>();
      row.add(model.arch());
      row.add(model.variant());
      corruptions.forEach(c -> row.add(model.report().corruptionErrors().get(c)));
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

  /** A model's result, named by its file (robustness/&lt;stem&gt;.json), never by its content. */
  private record Model(String arch, String variant, RobustnessReport report) {}

  /** Every model's result, by architecture and then variant, float32 first. */
  private static List<Model> models(RunResults run) {
    List<Model> models = new ArrayList<>();
    for (String arch : run.archs()) {
      for (String variant : run.variants()) {
        run.robustness(arch, variant)
            .ifPresent(report -> models.add(new Model(arch, variant, report)));
      }
    }
    return models;
  }
}
