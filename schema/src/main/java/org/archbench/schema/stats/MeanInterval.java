package org.archbench.schema.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of independent replicates (seeds, benchmark forks) with its 95% Student-t interval on
 * {@code n - 1} degrees of freedom. One replicate has a mean and no interval (NaN bounds).
 *
 * @param mean the replicates' mean
 * @param standardDeviation their sample standard deviation (n - 1); NaN for one
 * @param lower95 lower end of the 95% interval of the mean
 * @param upper95 upper end
 * @param n how many replicates
 */
public record MeanInterval(
    double mean, double standardDeviation, double lower95, double upper95, int n) {

  /** The mean and interval of {@code values}, at least one. */
  public static MeanInterval of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("expected at least one value, found none");
    }
    SummaryStatistics statistics = new SummaryStatistics();
    Arrays.stream(values).forEach(statistics::addValue);
    double mean = statistics.getMean();
    if (values.length == 1) {
      return new MeanInterval(mean, Double.NaN, Double.NaN, Double.NaN, 1);
    }
    double deviation = statistics.getStandardDeviation();
    double quantile =
        new TDistribution(null, values.length - 1).inverseCumulativeProbability(0.975);
    double halfWidth = quantile * deviation / Math.sqrt(values.length);
    return new MeanInterval(mean, deviation, mean - halfWidth, mean + halfWidth, values.length);
  }

  /** Half the interval's width over the mean's size: 0.03 for mean ± 3%; NaN without interval. */
  public double relativeHalfWidth() {
    return (upper95 - lower95) / 2 / Math.abs(mean);
  }
}
