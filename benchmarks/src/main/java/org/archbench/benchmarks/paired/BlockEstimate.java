package org.archbench.benchmarks.paired;

import java.util.Arrays;
import java.util.List;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.Verdict;

/**
 * One configuration's figure from its values in the blocks it took part in, as an
 * {@link Estimate} with the block in the place of the fork: the geometric mean, and a 95% interval
 * from Student's t on the logs, {@code exp(mean ± t(0.975, n-1) sd / sqrt n)}.
 *
 * <p>Logs because a p99 or a throughput on a drifting machine is skewed: one slow block makes the
 * arithmetic mean's interval reach below zero ("[-895, 1824]"), which no figure can be. On the
 * log scale the interval is always positive and spreads as far in ratio above the value as below.
 * Unlike a {@link PairedRatio}, nothing cancels the machine's drift here: this interval is the
 * drift's as much as the configuration's, and comparisons should be read from the ratios.
 */
public final class BlockEstimate {

  private BlockEstimate() {}

  /**
   * The estimate of {@code perBlock}, one value per block; NaN (a block the configuration did not
   * take part in) and values that are not positive and finite are left out.
   *
   * @param samples the measurements behind the values: turns' iterations, or latency samples
   * @param minimumSamples below this many samples the figure means nothing
   *     ({@link Estimate#minimumSamples}); 0 for no such rule
   * @param target the precision asked for, as a relative half-width: 0.03 for ±3%
   */
  public static Estimate of(double[] perBlock, long samples, long minimumSamples, double target) {
    double[] present = Arrays.stream(perBlock)
        .filter(value -> value > 0 && value < Double.POSITIVE_INFINITY).toArray();
    if (present.length == 0) {
      return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, samples, target,
          Verdict.TOO_FEW_SAMPLES, List.of());
    }
    return Estimate.of(present, samples, minimumSamples, target);
  }
}
