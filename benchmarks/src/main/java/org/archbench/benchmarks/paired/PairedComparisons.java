package org.archbench.benchmarks.paired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.archbench.schema.jmh.Comparison;

/**
 * The paired comparisons of one figure of one benchmark between every two configurations measured
 * in its blocks, each pair once.
 */
public final class PairedComparisons {

  private PairedComparisons() {}

  /**
   * Every unordered pair of configurations once, {@code a} the one earlier in
   * {@code perBlockValues}' order.
   *
   * @param benchmark the benchmark method, {@code package.Class.method}
   * @param figure {@code mean}, {@code p50}, {@code p99}, {@code native.peakRss}
   * @param unit the figure's unit
   * @param lowerIsBetter whether a lower figure is cheaper
   * @param perBlockValues each configuration's parameters and its value in every block, NaN for a
   *     block it did not take part in; all of the same length
   * @param margin the relative equivalence margin: 0.05 for 5%
   */
  public static List<Comparison> of(String benchmark, String figure, String unit,
      boolean lowerIsBetter, LinkedHashMap<Map<String, String>, double[]> perBlockValues,
      double margin) {
    List<Map.Entry<Map<String, String>, double[]>> configurations =
        new ArrayList<>(perBlockValues.entrySet());
    List<Comparison> comparisons = new ArrayList<>();
    for (int first = 0; first < configurations.size(); first++) {
      for (int second = first + 1; second < configurations.size(); second++) {
        Map.Entry<Map<String, String>, double[]> a = configurations.get(first);
        Map.Entry<Map<String, String>, double[]> b = configurations.get(second);
        comparisons.add(between(benchmark, figure, unit, lowerIsBetter, a.getKey(), a.getValue(),
            b.getKey(), b.getValue(), margin));
      }
    }
    return comparisons;
  }

  /** The comparison of {@code a} over {@code b}, from their values in the same blocks. */
  public static Comparison between(String benchmark, String figure, String unit,
      boolean lowerIsBetter, Map<String, String> a, double[] aPerBlock, Map<String, String> b,
      double[] bPerBlock, double margin) {
    PairedRatio ratio = PairedRatio.of(aPerBlock, bPerBlock);
    PairedVerdict verdict = PairedVerdict.of(ratio, margin, lowerIsBetter);
    return new Comparison(benchmark, figure, unit, lowerIsBetter, a, b, ratio.ratio(),
        ratio.lower90(), ratio.upper90(), ratio.lower95(), ratio.upper95(), ratio.blocks(), margin,
        verdict.verdict(), verdict.blocksNeeded());
  }
}
