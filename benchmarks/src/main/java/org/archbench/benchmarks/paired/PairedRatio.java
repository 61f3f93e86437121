package org.archbench.benchmarks.paired;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One configuration's figure over another's, from the blocks in which both were measured: the
 * geometric mean of the per-block ratios, with 90% and 95% intervals from a paired Student-t
 * interval on the per-block log-ratios {@code d = ln a - ln b}.
 *
 * <p>Why paired: the machine's speed drifts by tens of percent over minutes, and steps. Within one
 * block both configurations ran back to back, so whatever the machine did to the block multiplies
 * both figures and cancels in their ratio; what is left in the spread of {@code d} is the noise of
 * a turn and the little drift within a block. An unpaired interval over the same values would
 * count the drift between blocks as noise and come out many times wider.
 *
 * <p>Why logs: costs compare as ratios ("1.8x"), the noise of a timing is multiplicative, and on
 * the log scale an interval of a ratio is symmetric (a over b is exactly the reciprocal of b over
 * a) and its ends, taken back by {@code exp}, are always positive.
 *
 * <p>Why t rather than a bootstrap over blocks: a run has 5 to 30 blocks, and with so few a
 * percentile bootstrap's interval is too narrow. Its resampled means spread about like a normal
 * with the spread of the blocks at hand (divided by n, not n - 1), without the heavier tails of
 * Student's t, so a nominal 95% interval covers the true ratio about 85% of the time at 5 blocks,
 * 90% at 10 and 93% at 20 when the logs are normal. The t interval on the logs is exact when the
 * per-block noise is lognormal, and the logs make moderately skewed noise close to that.
 *
 * @param ratio {@code exp(mean d)}: the geometric mean of the per-block ratios; NaN with no common
 *     block
 * @param lower90 lower end of the 90% interval, {@code exp(mean d - t(0.95, n-1) sd / sqrt n)}; NaN
 *     below two blocks
 * @param upper90 upper end of the 90% interval
 * @param lower95 lower end of the 95% interval, with {@code t(0.975, n-1)}
 * @param upper95 upper end of the 95% interval
 * @param blocks the blocks in which both values were present, positive and finite
 * @param meanLogRatio {@code mean d}
 * @param logRatioDeviation the sample standard deviation of {@code d} (n - 1); NaN below two
 *     blocks
 */
public record PairedRatio(double ratio, double lower90, double upper90, double lower95,
    double upper95, int blocks, double meanLogRatio, double logRatioDeviation) {

  /**
   * The ratio of {@code a} over {@code b}, one value per block each, over the blocks where both are
   * positive and finite (NaN marks a block a configuration did not take part in).
   *
   * @throws IllegalArgumentException if the two do not have one value for each of the same blocks
   */
  public static PairedRatio of(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("expected one value per block on both sides, found "
          + a.length + " blocks against " + b.length);
    }
    SummaryStatistics logRatios = new SummaryStatistics();
    for (int block = 0; block < a.length; block++) {
      if (usable(a[block]) && usable(b[block])) {
        logRatios.addValue(Math.log(a[block]) - Math.log(b[block]));
      }
    }
    int n = Math.toIntExact(logRatios.getN());
    if (n == 0) {
      return new PairedRatio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
          Double.NaN, Double.NaN);
    }
    double mean = logRatios.getMean();
    double ratio = Math.exp(mean);
    if (n == 1) {
      return new PairedRatio(ratio, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, mean,
          Double.NaN);
    }
    double deviation = logRatios.getStandardDeviation();
    double standardError = deviation / Math.sqrt(n);
    double halfWidth90 = StudentQuantiles.quantile(0.95, n - 1) * standardError;
    double halfWidth95 = StudentQuantiles.quantile(0.975, n - 1) * standardError;
    return new PairedRatio(ratio, Math.exp(mean - halfWidth90), Math.exp(mean + halfWidth90),
        Math.exp(mean - halfWidth95), Math.exp(mean + halfWidth95), n, mean, deviation);
  }

  /** Whether there is an interval: two common blocks or more. */
  public boolean hasInterval() {
    return blocks >= 2;
  }

  private static boolean usable(double value) {
    return value > 0 && value < Double.POSITIVE_INFINITY;
  }
}
