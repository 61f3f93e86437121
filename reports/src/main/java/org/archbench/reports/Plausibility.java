package org.archbench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.study.TestAccuracy;
import org.archbench.schema.study.TransferReport;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.training.TrainingReport;

/**
 * Values a result file cannot truly hold (an accuracy outside [0, 1], a non-finite or negative
 * latency or throughput), each named with its file: the report lists them at the top and draws no
 * chart point from them, and {@code check} lists them, so one damaged figure neither takes down the
 * page nor passes for a measurement.
 */
final class Plausibility {

  private final List<String> problems = new ArrayList<>();

  private Plausibility() {}

  /** Every implausible value of {@code run}, as "file: field is value, expected ...". */
  static List<String> problems(RunResults run) {
    Plausibility check = new Plausibility();
    run.evaluations().forEach(check::evaluation);
    run.training().forEach(check::training);
    run.robustness().forEach(check::robustness);
    run.imbalance().forEach(check::imbalance);
    run.transfer().forEach(check::transfer);
    run.loss().forEach(check::loss);
    run.figures().ifPresent(check::figures);
    return List.copyOf(check.problems);
  }

  /** Whether {@code value} can be a share (accuracy, recall, ...). */
  static boolean isShare(double value) {
    return value >= 0 && value <= 1;
  }

  /**
   * Above any cost archbench measures in its units (images/s, microseconds, milliseconds, bytes per
   * image, MiB, seconds): 10^15 images/s is a million times a GPU's.
   */
  static final double MAX_COST = 1e15;

  /** Whether {@code value} can be a cost (latency, throughput, bytes, seconds). */
  static boolean isCost(double value) {
    return value >= 0 && value < MAX_COST;
  }

  private void evaluation(String arch, EvaluationReport report) {
    String file = "eval/" + arch + ".json";
    for (EngineEvaluation engine : report.engines()) {
      String at = "engines[" + engine.engine() + "].";
      share(file, at + "accuracy", engine.accuracy());
      share(file, at + "accuracyLower95", engine.accuracyLower95());
      share(file, at + "accuracyUpper95", engine.accuracyUpper95());
      share(file, at + "macroF1", engine.macroF1());
      share(file, at + "expectedCalibrationError", engine.expectedCalibrationError());
      cost(file, at + "negativeLogLikelihood", engine.negativeLogLikelihood());
      cost(file, at + "brierScore", engine.brierScore());
    }
  }

  private void training(String arch, TrainingReport report) {
    String file = "training/" + arch + ".json";
    if (report.result() != null) {
      share(file, "result.train", report.result().train());
      share(file, "result.validation", report.result().validation());
      share(file, "result.test", report.result().test());
    }
    cost(file, "totalTrainSeconds", report.totalTrainSeconds());
    report.epochs().forEach(epoch -> {
      share(file, "epochs[" + epoch.epoch() + "].trainAccuracy", epoch.trainAccuracy());
      if (epoch.validated()) {
        share(file, "epochs[" + epoch.epoch() + "].validationAccuracy", epoch.validationAccuracy());
      }
    });
  }

  private void robustness(String arch, RobustnessReport report) {
    String file = "robustness/" + arch + ".json";
    share(file, "cleanAccuracy", report.cleanAccuracy());
    share(file, "meanCorruptedAccuracy", report.meanCorruptedAccuracy());
    report.conditions().forEach(condition -> share(file, "conditions[" + condition.corruption()
        + " " + condition.severity() + "].accuracy", condition.accuracy()));
  }

  private void imbalance(String arch, ImbalanceReport report) {
    String file = "imbalance/" + arch + ".json";
    if (report.balanced() != null) {
      share(file, "balanced.accuracy", report.balanced().accuracy());
    }
    report.runs().forEach(setting -> share(file, "runs[" + setting.id() + "].test.accuracy",
        setting.test() == null ? 0 : setting.test().accuracy()));
  }

  private void transfer(String arch, TransferReport report) {
    String file = "transfer/" + arch + ".json";
    if (report.source() != null) {
      accuracy(file, "source.test", report.source().test());
    }
    for (TransferReport.LabelBudget budget : report.budgets()) {
      for (TransferReport.Regime regime : budget.regimes()) {
        accuracy(file, "budgets[" + budget.imagesPerClass() + "].regimes[" + regime.id() + "].test",
            regime.test());
      }
    }
  }

  private void loss(String arch, LossReport report) {
    String file = "loss/" + arch + ".json";
    report.runs().forEach(run -> {
      accuracy(file, "runs[" + run.loss() + "].test", run.test());
      for (int epoch = 0; epoch < run.validationAccuracy().size(); epoch++) {
        share(file, "runs[" + run.loss() + "].validationAccuracy[" + epoch + "]",
            run.validationAccuracy().get(epoch));
      }
    });
  }

  /** An accuracy and its interval's bounds, each a share. */
  private void accuracy(String file, String field, TestAccuracy test) {
    if (test == null) {
      return;
    }
    share(file, field + ".accuracy", test.accuracy());
    share(file, field + ".accuracyLower95", test.accuracyLower95());
    share(file, field + ".accuracyUpper95", test.accuracyUpper95());
  }

  private void figures(FigureEstimates figures) {
    for (FigureEstimates.Figure figure : figures.figures()) {
      cost("jmh/figures.json", figure.benchmark() + " " + figure.params() + " "
          + figure.figure(), figure.estimate().value());
    }
  }

  private void share(String file, String field, double value) {
    if (!Double.isNaN(value) && !isShare(value)) {
      problems.add(String.format(Locale.ROOT, "%s: %s is %s, expected a share in [0, 1]", file,
          field, value));
    }
  }

  private void cost(String file, String field, double value) {
    if (!Double.isNaN(value) && !isCost(value)) {
      problems.add(String.format(Locale.ROOT, "%s: %s is %s, expected a value from 0 to 1e15", file,
          field, value));
    }
  }
}
