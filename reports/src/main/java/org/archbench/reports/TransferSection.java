package org.archbench.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.study.TestAccuracy;
import org.archbench.schema.study.TransferReport;

/**
 * When a pretrained convolutional base helps, frozen or fine-tuned: each regime's accuracy on the
 * target classes at each label budget, with intervals, training time and McNemar between regimes,
 * and one sentence per budget that says what they add up to.
 */
final class TransferSection {

  private TransferSection() {}

  static Section build(RunResults run, Charts charts) {
    Section section = new Section("transfer", "Transfer learning: when a pretrained base helps");
    if (run.transfer().isEmpty()) {
      return section.missing("transfer/*.json (archbench transfer did not run)");
    }
    section.note("The classes split in two halves. The architecture is pretrained on the source"
        + " half only, so that the target classes it is tested on were never learnt, then trained"
        + " on the target half three ways with the same epochs: from scratch; the pretrained base"
        + " frozen under a new head (feature extraction); and frozen for half the epochs, then"
        + " everything fine-tuned at a tenth of the learning rate. Accuracy is on the target"
        + " classes' test images with its 95% Wilson interval; McNemar's test compares the regimes"
        + " on the same images, Holm-corrected within each label budget.");
    // The arch is the file's name (transfer/<arch>.json), never the file's content: it names the
    // table's downloads.
    for (Map.Entry<String, TransferReport> entry : run.transfer().entrySet()) {
      String arch = entry.getKey();
      TransferReport report = entry.getValue();
      TransferReport.Source source = report.source();
      section.note(String.format(Locale.ROOT, "%s: pretrained on %s (%s epochs; %s on their test"
          + " images, %.0f s); target classes %s.", arch, String.join(", ", report.sourceClasses()),
          source == null || source.config() == null ? "?" : source.config().epochs(),
          source == null ? "accuracy missing" : accuracy(source.test()),
          source == null ? Double.NaN : source.trainSeconds(),
          String.join(", ", report.targetClasses())));
      List<List<Object>> rows = new ArrayList<>();
      List<List<Object>> tests = new ArrayList<>();
      Map<String, Map<String, double[]>> intervals = new LinkedHashMap<>();
      for (TransferReport.LabelBudget budget : report.budgets()) {
        String label = label(budget);
        section.note(arch + ", " + label + ": " + answer(budget));
        Map<String, double[]> bars = new LinkedHashMap<>();
        for (TransferReport.Regime regime : budget.regimes()) {
          TestAccuracy test = regime.test();
          rows.add(Arrays.asList(label, regime.id(), epochs(regime), budget.trainImages(),
              test == null ? null : test.accuracy(), test == null ? null : test.accuracyLower95(),
              test == null ? null : test.accuracyUpper95(), regime.trainSeconds(),
              regime.reused() ? "yes" : "no"));
          if (test != null) {
            bars.put(regime.id(), new double[] {100 * test.accuracyLower95(),
                100 * test.accuracyUpper95()});
          }
        }
        intervals.put(label, bars);
        for (SignificancePair pair : budget.comparisons()) {
          List<Object> cells = new ArrayList<>(List.of(label));
          cells.addAll(SignificanceColumns.cells(pair));
          tests.add(cells);
        }
      }
      section.table(new Table("transfer-" + arch, arch + ": accuracy on the target classes per"
          + " regime and label budget", List.of(
              Table.Column.text("label_budget", "Label budget"),
              Table.Column.text("regime", "Regime"), Table.Column.text("epochs", "Epochs"),
              Table.Column.number("train_images", "Train images", "%,d"),
              Table.Column.percent("accuracy", "Accuracy %"),
              Table.Column.percent("accuracy_lower95", "95% low"),
              Table.Column.percent("accuracy_upper95", "95% high"),
              Table.Column.number("train_seconds", "Train time, s", "%.0f"),
              Table.Column.text("reused", "Reused")), rows));
      List<Table.Column> testColumns = new ArrayList<>(List.of(
          Table.Column.text("label_budget", "Label budget")));
      testColumns.addAll(SignificanceColumns.columns());
      section.table(new Table("transfer-" + arch + "-mcnemar", arch + ": the regimes compared",
          testColumns, tests));
      section.figure(arch + ": target-class accuracy, 95% intervals", () -> charts.intervals(
          arch + ": accuracy on the target classes", "test accuracy, %", intervals, null));
    }
    return section;
  }

  /** What the budget's tests say about the pretrained base, against training from scratch. */
  static String answer(TransferReport.LabelBudget budget) {
    Optional<TransferReport.Regime> scratch = regime(budget, TransferReport.SCRATCH);
    if (scratch.isEmpty() || scratch.get().test() == null) {
      return "no model trained from scratch to compare with.";
    }
    List<String> parts = new ArrayList<>();
    for (String other : List.of(TransferReport.FROZEN, TransferReport.FINE_TUNED)) {
      Optional<TransferReport.Regime> regime = regime(budget, other);
      Optional<SignificancePair> pair = budget.comparisons().stream()
          .filter(p -> p.first().equals(TransferReport.SCRATCH) && p.second().equals(other))
          .findFirst();
      if (regime.isEmpty() || regime.get().test() == null || pair.isEmpty()) {
        continue;
      }
      double points = 100 * (regime.get().test().accuracy() - scratch.get().test().accuracy());
      String verdict = !pair.get().significant() ? "no detectable difference from scratch"
          : points > 0 ? "the pretrained base helps" : "the pretrained base hurts";
      parts.add(String.format(Locale.ROOT, "%s %+.1f points against scratch (%s)", other, points,
          verdict));
    }
    budget.comparisons().stream()
        .filter(p -> p.first().equals(TransferReport.FROZEN)
            && p.second().equals(TransferReport.FINE_TUNED))
        .findFirst()
        .ifPresent(p -> parts.add("frozen against fine-tuned: " + SignificanceColumns.verdict(p)));
    return parts.isEmpty() ? "no comparison recorded." : String.join("; ", parts) + ".";
  }

  private static Optional<TransferReport.Regime> regime(TransferReport.LabelBudget budget,
      String id) {
    return budget.regimes().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  private static String epochs(TransferReport.Regime regime) {
    if (regime.config() == null) {
      return null;
    }
    int main = regime.config().epochs();
    int fineTune = regime.config().transfer().fineTuneEpochs();
    if (fineTune > 0) {
      return main + " frozen + " + fineTune + " all";
    }
    return regime.config().transfer().freezeFeatures() ? main + " (head only)" : String.valueOf(main);
  }

  static String label(TransferReport.LabelBudget budget) {
    return budget.imagesPerClass() == 0
        ? "all labels" : String.format(Locale.ROOT, "%,d per class", budget.imagesPerClass());
  }

  static String accuracy(TestAccuracy test) {
    if (test == null) {
      return "accuracy missing";
    }
    return String.format(Locale.ROOT, "%.2f%% [%.2f, %.2f]", 100 * test.accuracy(),
        100 * test.accuracyLower95(), 100 * test.accuracyUpper95());
  }
}
