package org.archbench.schema.study;

import java.util.List;
import org.archbench.schema.io.ResultFormat;
import org.archbench.schema.stats.SignificancePair;

/**
 * loss/&lt;arch&gt;.json: one architecture trained with cross-entropy and with mean squared error on
 * the softmax, otherwise identically (the same config, seed and epochs), both tested on the whole
 * test set.
 *
 * @param arch the architecture id
 * @param engine the engine that ran the test images
 * @param runs one entry per loss: cross-entropy (the train stage's own model) first
 * @param comparison McNemar between the two on the same test images
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "loss/<arch>.json")
public record LossReport(
    String arch, String engine, List<Run> runs, SignificancePair comparison, String createdAt) {

  /** An absent list reads as empty: a reader shows it as missing, never fails on it. */
  public LossReport {
    runs = runs == null ? List.of() : List.copyOf(runs);
  }

  /**
   * One loss's model.
   *
   * @param loss the objective: {@code cross-entropy} or {@code softmax-mse}
   * @param test its test accuracy
   * @param validationAccuracy the validation accuracy after each epoch: the convergence curve
   * @param trainLoss the mean training loss of each epoch, in the loss's own units
   * @param trainSeconds its training time over all epochs
   * @param reused whether the model was reused from an earlier run
   */
  public record Run(
      String loss, TestAccuracy test, List<Double> validationAccuracy, List<Double> trainLoss,
      double trainSeconds, boolean reused) {
    /** An absent list reads as empty: a reader shows it as missing, never fails on it. */
    public Run {
      validationAccuracy = validationAccuracy == null ? List.of() : List.copyOf(validationAccuracy);
      trainLoss = trainLoss == null ? List.of() : List.copyOf(trainLoss);
    }
  }
}
