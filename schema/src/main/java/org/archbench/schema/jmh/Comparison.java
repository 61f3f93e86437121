package org.archbench.schema.jmh;

import java.util.Map;
import org.archbench.schema.io.MayBeAbsent;

/**
 * Two configurations compared on one cost figure, from the blocks in which both were measured back
 * to back: the ratio of {@code a}'s figure over {@code b}'s (the geometric mean of the per-block
 * ratios), with its 90% and 95% intervals from the spread of the per-block log-ratios, and a
 * {@link ComparisonVerdict}. Drift of the machine common to a block cancels in its ratio.
 *
 * @param benchmark the benchmark method, {@code package.Class.method}
 * @param figure {@code mean}, {@code p50}, {@code p99}, {@code native.peakRss}
 * @param unit the figure's unit: images/s, us/op, MiB
 * @param lowerIsBetter whether a lower figure is cheaper (a latency, memory) or a higher one (a
 *     throughput)
 * @param a the first configuration's parameters: arch, engine, variant
 * @param b the second's
 * @param ratio {@code a}'s figure over {@code b}'s
 * @param lower90 lower end of the ratio's 90% interval (two one-sided tests at 5%)
 * @param upper90 upper end of the 90% interval
 * @param lower95 lower end of the ratio's 95% interval
 * @param upper95 upper end of the 95% interval
 * @param blocks the blocks in which both were measured
 * @param margin the equivalence margin, relative: 0.05 for 5%
 * @param verdict which is cheaper, equivalent within the margin, or undecided
 * @param blocksNeeded for an undecided comparison, about how many blocks in all would decide it at
 *     the spread seen so far; absent once decided, or where no number of blocks would
 */
public record Comparison(String benchmark, String figure, String unit, boolean lowerIsBetter,
    Map<String, String> a, Map<String, String> b, double ratio, double lower90, double upper90,
    double lower95, double upper95, int blocks, double margin, ComparisonVerdict verdict,
    @MayBeAbsent Integer blocksNeeded) {

  public Comparison {
    a = Map.copyOf(a);
    b = Map.copyOf(b);
  }

  /** Whether this compares {@code first} and {@code second}, in either order. */
  public boolean between(Map<String, String> first, Map<String, String> second) {
    return (a.equals(first) && b.equals(second)) || (a.equals(second) && b.equals(first));
  }

  /** Whether {@code params} is the cheaper side: false when it is the other, or none is. */
  public boolean cheaper(Map<String, String> params) {
    return (verdict == ComparisonVerdict.A_CHEAPER && a.equals(params))
        || (verdict == ComparisonVerdict.B_CHEAPER && b.equals(params));
  }
}
