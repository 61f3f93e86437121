package org.archbench.benchmarks.paired;

import java.util.Arrays;

/**
 * One configuration's figure over another's, from the blocks in which both were measured: the
 * 20%-trimmed mean of the per-block log-ratios {@code d = ln a - ln b}, taken back by {@code exp},
 * with 90% and 95% intervals from Yuen's trimmed-mean t interval on them.
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
 * <p>Why trimmed: on a shared 2-core machine most turns of a configuration agree within a few
 * percent, but now and then the host takes a core for a second and one turn runs at half speed
 * (measured: 2 of 12 blocks of batch-256 throughput, with the other turns within 8%). Such a turn
 * hits one side of a pair, not both, so it is an outlier of {@code d} that no pairing cancels. One
 * of them in twelve made the plain mean's interval of two identical runtimes about 2.5 times wider
 * than the trimmed one. The 20%-trimmed mean drops the most extreme fifth of {@code d} at each end
 * (Wilcox, Introduction to Robust Estimation and Hypothesis Testing), and Yuen's interval (1974)
 * takes its standard error from the winsorized spread, {@code sqrt(SSD_w / (h (h - 1)))} with
 * {@code h = n - 2g} values kept and {@code g = floor(0.2 n)} trimmed from each end, on {@code h - 1}
 * degrees of freedom. Below 5 blocks nothing is trimmed and it is the paired Student-t interval.
 * On normal noise it is almost as narrow as the mean's; the outliers being as likely on either
 * side, it estimates the ratio of the steady machine.
 *
 * <p>Why t rather than a bootstrap over blocks: a run has 5 to 30 blocks, and with so few a
 * percentile bootstrap's interval is too narrow. Its resampled means spread about like a normal
 * with the spread of the blocks at hand (divided by n, not n - 1), without the heavier tails of
 * Student's t, so a nominal 95% interval covers the true ratio about 85% of the time at 5 blocks,
 * 90% at 10 and 93% at 20 when the logs are normal.
 *
 * @param ratio {@code exp(trimmed mean of d)}; NaN with no common block
 * @param lower90 lower end of the 90% interval,
 *     {@code exp(trimmed mean - t(0.95, h-1) logRatioDeviation / sqrt n)}; NaN below two blocks
 * @param upper90 upper end of the 90% interval
 * @param lower95 lower end of the 95% interval, with {@code t(0.975, h-1)}
 * @param upper95 upper end of the 95% interval
 * @param blocks the blocks in which both values were present, positive and finite
 * @param meanLogRatio the 20%-trimmed mean of {@code d}
 * @param logRatioDeviation the spread of {@code d} that the interval reads, scaled so that the
 *     standard error of the trimmed mean is {@code logRatioDeviation / sqrt n}: the sample
 *     standard deviation of {@code d} where nothing is trimmed; NaN below two blocks
 */
public record PairedRatio(double ratio, double lower90, double upper90, double lower95,
    double upper95, int blocks, double meanLogRatio, double logRatioDeviation) {

  /** The share of the log-ratios trimmed from each end. */
  static final double TRIM = 0.2;

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
    double[] logRatios = new double[a.length];
    int n = 0;
    for (int block = 0; block < a.length; block++) {
      if (usable(a[block]) && usable(b[block])) {
        logRatios[n++] = Math.log(a[block]) - Math.log(b[block]);
      }
    }
    if (n == 0) {
      return new PairedRatio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
          Double.NaN, Double.NaN);
    }
    double[] sorted = Arrays.copyOf(logRatios, n);
    Arrays.sort(sorted);
    int trimmed = trimmedFromEachEnd(n);
    double mean = trimmedMean(sorted, trimmed);
    double ratio = Math.exp(mean);
    if (n == 1) {
      return new PairedRatio(ratio, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, mean,
          Double.NaN);
    }
    double standardError = standardError(sorted, trimmed);
    double deviation = standardError * Math.sqrt(n);
    int degreesOfFreedom = degreesOfFreedom(n);
    double halfWidth90 = StudentQuantiles.quantile(0.95, degreesOfFreedom) * standardError;
    double halfWidth95 = StudentQuantiles.quantile(0.975, degreesOfFreedom) * standardError;
    return new PairedRatio(ratio, Math.exp(mean - halfWidth90), Math.exp(mean + halfWidth90),
        Math.exp(mean - halfWidth95), Math.exp(mean + halfWidth95), n, mean, deviation);
  }

  /** Whether there is an interval: two common blocks or more. */
  public boolean hasInterval() {
    return blocks >= 2;
  }

  /** The log-ratios trimmed from each end of {@code n}: {@code floor(0.2 n)}. */
  static int trimmedFromEachEnd(int n) {
    return (int) Math.floor(TRIM * n);
  }

  /**
   * The degrees of freedom of the interval over {@code n} blocks (2 or more): {@code h - 1}, with
   * {@code h} the log-ratios kept after trimming.
   */
  static int degreesOfFreedom(int n) {
    return n - 2 * trimmedFromEachEnd(n) - 1;
  }

  private static double trimmedMean(double[] sorted, int trimmed) {
    double sum = 0;
    for (int i = trimmed; i < sorted.length - trimmed; i++) {
      sum += sorted[i];
    }
    return sum / (sorted.length - 2 * trimmed);
  }

  /**
   * Yuen's standard error of the trimmed mean: the winsorized values (the {@code trimmed} lowest
   * set to the lowest kept, the highest to the highest kept) give {@code SSD_w}, and the error is
   * {@code sqrt(SSD_w / (h (h - 1)))}.
   */
  private static double standardError(double[] sorted, int trimmed) {
    int n = sorted.length;
    double low = sorted[trimmed];
    double high = sorted[n - 1 - trimmed];
    double sum = 0;
    for (double value : sorted) {
      sum += Math.min(Math.max(value, low), high);
    }
    double winsorizedMean = sum / n;
    double squares = 0;
    for (double value : sorted) {
      double deviation = Math.min(Math.max(value, low), high) - winsorizedMean;
      squares += deviation * deviation;
    }
    int kept = n - 2 * trimmed;
    return Math.sqrt(squares / ((double) kept * (kept - 1)));
  }

  private static boolean usable(double value) {
    return value > 0 && value < Double.POSITIVE_INFINITY;
  }
}
