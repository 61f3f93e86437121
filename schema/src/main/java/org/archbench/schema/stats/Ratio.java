package org.archbench.schema.stats;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One figure over another ("onnxruntime is 3.6x pytorch at batch 256") with its 95% interval, from
 * the independent replicates (forks) of each: Welch's t-interval on the difference of the logs'
 * means, taken back to a ratio of geometric means. On the log scale the interval of a ratio is
 * symmetric and never reaches below 0, and the two sides may have other spreads and counts.
 *
 * @param ratio the geometric mean of {@code a} over that of {@code b}
 * @param lower95 lower end of its 95% interval; NaN with fewer than two replicates a side
 * @param upper95 upper end
 * @param difference whether the interval excludes 1, covers it, or cannot be drawn
 */
public record Ratio(double ratio, double lower95, double upper95, Difference difference) {

  /** What a ratio's interval says. */
  public enum Difference {
    /** The interval excludes 1. */
    DIFFERENT("different"),
    /** The interval covers 1. */
    NO_DETECTABLE_DIFFERENCE("no detectable difference"),
    /** Fewer than two replicates on a side, or a value that is not positive. */
    TOO_FEW_SAMPLES("too few samples");

    private final String label;

    Difference(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The ratio of {@code a} to {@code b}, each a list of positive replicate values. */
  public static Ratio of(List<Double> a, List<Double> b) {
    SummaryStatistics logA = logs(a);
    SummaryStatistics logB = logs(b);
    if (logA == null || logB == null) {
      return new Ratio(Double.NaN, Double.NaN, Double.NaN, Difference.TOO_FEW_SAMPLES);
    }
    double difference = logA.getMean() - logB.getMean();
    double ratio = Math.exp(difference);
    if (logA.getN() < 2 || logB.getN() < 2) {
      return new Ratio(ratio, Double.NaN, Double.NaN, Difference.TOO_FEW_SAMPLES);
    }
    double varianceA = logA.getVariance() / logA.getN();
    double varianceB = logB.getVariance() / logB.getN();
    double standardError = Math.sqrt(varianceA + varianceB);
    if (standardError == 0) {
      return new Ratio(ratio, ratio, ratio,
          ratio == 1 ? Difference.NO_DETECTABLE_DIFFERENCE : Difference.DIFFERENT);
    }
    // Welch-Satterthwaite degrees of freedom.
    double degrees = Math.pow(varianceA + varianceB, 2)
        / (varianceA * varianceA / (logA.getN() - 1) + varianceB * varianceB / (logB.getN() - 1));
    double halfWidth = new TDistribution(null, degrees).inverseCumulativeProbability(0.975)
        * standardError;
    double lower = Math.exp(difference - halfWidth);
    double upper = Math.exp(difference + halfWidth);
    return new Ratio(ratio, lower, upper, lower > 1 || upper < 1
        ? Difference.DIFFERENT : Difference.NO_DETECTABLE_DIFFERENCE);
  }

  /** The logs of {@code values}, or null if one is not positive (or there are none). */
  private static SummaryStatistics logs(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    SummaryStatistics logs = new SummaryStatistics();
    for (double value : values) {
      if (!(value > 0) || Double.isInfinite(value)) {
        return null;
      }
      logs.addValue(Math.log(value));
    }
    return logs;
  }
}
