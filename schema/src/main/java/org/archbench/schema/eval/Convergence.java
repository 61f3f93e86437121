package org.archbench.schema.eval;

import java.util.List;
import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.training.EpochRecord;

/**
 * How fast training got somewhere: the epochs and wall seconds (training and validation passes) until
 * validation accuracy first reached 88% and 90%; null where it never did.
 *
 * @param epochsTo88 epochs until validation accuracy reached 88%
 * @param secondsTo88 seconds until then
 * @param epochsTo90 epochs until validation accuracy reached 90%
 * @param secondsTo90 seconds until then
 */
public record Convergence(
    @MayBeAbsent Integer epochsTo88,
    @MayBeAbsent Double secondsTo88,
    @MayBeAbsent Integer epochsTo90,
    @MayBeAbsent Double secondsTo90) {

  /** Reads the thresholds off a training history. */
  public static Convergence of(List<EpochRecord> epochs) {
    Integer epochs88 = null;
    Double seconds88 = null;
    Integer epochs90 = null;
    Double seconds90 = null;
    double seconds = 0;
    for (EpochRecord epoch : epochs) {
      seconds += epoch.trainSeconds() + epoch.validationSeconds();
      if (epochs88 == null && epoch.validated() && epoch.validationAccuracy() >= 0.88) {
        epochs88 = epoch.epoch();
        seconds88 = seconds;
      }
      if (epochs90 == null && epoch.validated() && epoch.validationAccuracy() >= 0.90) {
        epochs90 = epoch.epoch();
        seconds90 = seconds;
      }
    }
    return new Convergence(epochs88, seconds88, epochs90, seconds90);
  }
}
