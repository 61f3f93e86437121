package org.archbench.reports;

import org.archbench.schema.imbalance.ImbalanceReport;
import java.util.ArrayList;
import java.util.List;

/** Per-class recall per long-tail profile and mitigation, against balanced training. */
final class ImbalanceSection {

  private ImbalanceSection() {}

  static Section build(RunResults run) {
    Section section = new Section("imbalance", "Class imbalance");
    if (run.imbalance().isEmpty()) {
      return section.missing("imbalance/*.json (archbench imbalance did not run)");
    }
    section.note("Trained on long-tailed subsets of the training split with each architecture's own"
        + " training config, for the epochs shown; tested on the balanced test set. Drops are in"
        + " points against the balanced model: where a setting trained fewer epochs than it, the"
        + " drop holds some under-fitting too, while the settings of one architecture trained"
        + " alike and compare fairly. Per-class recall is shaded by its share of the row's best.");
    for (String arch : run.archs()) {
      ImbalanceReport report = run.imbalance().get(arch);
      if (report == null) {
        continue;
      }
      List<String> classes = report.classNames();
      List<Table.Column> columns = new ArrayList<>(List.of(
          Table.Column.text("setting", "Setting"),
          Table.Column.number("epochs", "Epochs", "%d"),
          Table.Column.percent("accuracy", "Accuracy %"),
          Table.Column.number("macro_f1", "Macro-F1", "%.4f"),
          Table.Column.percent("minimum_recall", "Min recall %"),
          Table.Column.percent("rarest_3_recall", "3 rarest %"),
          Table.Column.percentDifference("accuracy_drop", "Accuracy drop")));
      for (int c = 0; c < classes.size(); c++) {
        columns.add(Table.Column.percent("recall_" + c, classes.get(c)));
      }
      List<List<Object>> rows = new ArrayList<>();
      Integer balancedEpochs = report.config() == null ? null : report.config().epochs();
      rows.add(row("balanced", balancedEpochs, report.balanced(), null, null));
      for (ImbalanceReport.Run setting : report.runs()) {
        rows.add(row(setting.id(), report.epochsOf(setting), setting.test(),
            setting.meanRecallOfRarest(), setting.accuracyDrop()));
      }
      section.table(new Table("imbalance-" + arch, arch + ": recall per class", columns, rows, true));
    }
    return section;
  }

  private static List<Object> row(String setting, Integer epochs,
      ImbalanceReport.TestFigures figures, Double rarest, Double drop) {
    List<Object> row = new ArrayList<>();
    row.add(setting);
    row.add(epochs);
    row.add(figures.accuracy());
    row.add(figures.macroF1());
    row.add(figures.minimumClassRecall());
    row.add(rarest);
    row.add(drop);
    row.addAll(figures.perClassRecall());
    return row;
  }
}
