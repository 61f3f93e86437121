package org.archbench.harness.evaluation;

import org.archbench.harness.engine.BatchedInference;

/**
 * Metrics of predicted class probabilities, not just of the predicted class: negative log-likelihood,
 * expected calibration error and the Brier score. Probabilities are row-major, {@code classes} per
 * image.
 */
public final class ProbabilisticMetrics {

  /** Probabilities are clipped to this before the logarithm, so one confident miss stays finite. */
  private static final double MIN_PROBABILITY = 1e-12;

  private ProbabilisticMetrics() {}

  /** Mean of -log p(true class). */
  public static double negativeLogLikelihood(float[] probabilities, int[] labels, int classes) {
    check(probabilities, labels, classes);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum -= Math.log(Math.max(MIN_PROBABILITY, probabilities[i * classes + labels[i]]));
    }
    return sum / labels.length;
  }

  /**
   * Expected calibration error (Guo et al., 2017): images binned by their top probability into
   * {@code bins} equal-width bins (lo, hi]; the mean over bins, weighted by their share of images, of
   * |accuracy - mean confidence|.
   */
  public static double expectedCalibrationError(
      float[] probabilities, int[] labels, int classes, int bins) {
    check(probabilities, labels, classes);
    long[] count = new long[bins];
    double[] confidence = new double[bins];
    long[] correct = new long[bins];
    for (int i = 0; i < labels.length; i++) {
      int predicted = BatchedInference.argmax(probabilities, i, classes);
      double top = probabilities[i * classes + predicted];
      int bin = Math.min(bins - 1, Math.max(0, (int) Math.ceil(top * bins) - 1));
      count[bin]++;
      confidence[bin] += top;
      correct[bin] += predicted == labels[i] ? 1 : 0;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += Math.abs((double) correct[b] / count[b] - confidence[b] / count[b])
            * count[b] / labels.length;
      }
    }
    return ece;
  }

  /** Mean over images of the squared distance between the probabilities and the one-hot label. */
  public static double brierScore(float[] probabilities, int[] labels, int classes) {
    check(probabilities, labels, classes);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int c = 0; c < classes; c++) {
        double target = c == labels[i] ? 1 : 0;
        double difference = probabilities[i * classes + c] - target;
        sum += difference * difference;
      }
    }
    return sum / labels.length;
  }


  private static void check(float[] probabilities, int[] labels, int classes) {
    if (labels.length == 0 || probabilities.length != (long) labels.length * classes) {
      throw new IllegalArgumentException(
          "expected " + classes + " probabilities for each of " + labels.length
              + " labelled images, found " + probabilities.length + " values");
    }
  }
}
