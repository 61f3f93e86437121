package org.archbench.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.study.TestAccuracy;

/**
 * Mean squared error on the softmax against cross-entropy: test accuracy with intervals, McNemar
 * between the two, and both convergence curves on one chart per architecture.
 */
final class LossSection {

  private LossSection() {}

  static Section build(RunResults run, Charts charts) {
    Section section = new Section("loss", "Loss: cross-entropy against mean squared error");
    if (run.loss().isEmpty()) {
      return section.missing("loss/*.json (archbench loss did not run)");
    }
    section.note("Each architecture trained twice, identically (config, seed, epochs) but for the"
        + " loss: softmax cross-entropy, and mean squared error between the softmax and the one-hot"
        + " label. Accuracy is on the whole test set with its 95% Wilson interval; McNemar's test"
        + " compares the two on the same images. The curves are the validation accuracy after each"
        + " epoch; the training losses are in each loss's own units, so only their shapes compare.");
    List<List<Object>> rows = new ArrayList<>();
    List<List<Object>> tests = new ArrayList<>();
    for (Map.Entry<String, LossReport> entry : run.loss().entrySet()) {
      String arch = entry.getKey();
      LossReport report = entry.getValue();
      Map<String, List<double[]>> curves = new LinkedHashMap<>();
      for (LossReport.Run loss : report.runs()) {
        TestAccuracy test = loss.test();
        List<Double> validation = loss.validationAccuracy();
        rows.add(Arrays.asList(arch, loss.loss(), validation.size(),
            test == null ? null : test.accuracy(), test == null ? null : test.accuracyLower95(),
            test == null ? null : test.accuracyUpper95(),
            validation.isEmpty() ? null : validation.get(validation.size() - 1),
            loss.trainSeconds()));
        List<double[]> points = new ArrayList<>();
        for (int epoch = 0; epoch < validation.size(); epoch++) {
          points.add(new double[] {epoch + 1, 100 * validation.get(epoch)});
        }
        curves.put(loss.loss(), points);
      }
      if (report.comparison() != null) {
        List<Object> cells = new ArrayList<>(List.of(arch));
        cells.addAll(SignificanceColumns.cells(report.comparison()));
        tests.add(cells);
      }
      section.figure(arch + ": validation accuracy per epoch", () -> charts.lines(
          arch + ": convergence by loss", "epoch", "validation accuracy, %", curves));
    }
    section.table(new Table("loss", "Test accuracy by loss", List.of(
        Table.Column.text("arch", "Architecture"), Table.Column.text("loss", "Loss"),
        Table.Column.number("epochs", "Epochs", "%d"),
        Table.Column.percent("accuracy", "Accuracy %"),
        Table.Column.percent("accuracy_lower95", "95% low"),
        Table.Column.percent("accuracy_upper95", "95% high"),
        Table.Column.percent("validation_accuracy", "Last validation %"),
        Table.Column.number("train_seconds", "Train time, s", "%.0f")), rows));
    List<Table.Column> testColumns = new ArrayList<>(List.of(
        Table.Column.text("arch", "Architecture")));
    testColumns.addAll(SignificanceColumns.columns());
    section.table(new Table("loss-mcnemar", "The two losses compared", testColumns, tests));
    return section;
  }
}
