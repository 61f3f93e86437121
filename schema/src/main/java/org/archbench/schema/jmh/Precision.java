package org.archbench.schema.jmh;

/**
 * How precise each kind of cost figure must be to read {@link Verdict#OK}: the largest relative
 * half-width of its 95% interval. A tail percentile rests on few samples per fork and varies more
 * between forks than a mean, so it gets a wider target.
 *
 * @param mean a throughput, a mean time or a cold start
 * @param median a p50
 * @param tail a p90 and above
 * @param memory heap per image, resident memory
 */
public record Precision(double mean, double median, double tail, double memory) {

  /** ±3% for means and medians, ±10% for tails, ±3% for memory. */
  public static final Precision DEFAULT = new Precision(0.03, 0.03, 0.10, 0.03);

  /** The target of the {@code quantile} (0.5 for p50). */
  public double ofQuantile(double quantile) {
    return quantile >= 0.9 ? tail : median;
  }
}
