package org.archbench.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One fork's latency samples, as JMH's SampleTime mode records them in {@code rawDataHistogram}:
 * per iteration, pairs of {@code [value, count]}. The fork's iterations are merged.
 */
public final class Histogram {

  private final TreeMap<Double, Long> counts = new TreeMap<>();
  private long count;

  private Histogram() {}

  /** One histogram per fork of {@code rawDataHistogram}. */
  static List<Histogram> perFork(JsonNode rawDataHistogram) {
    List<Histogram> forks = new ArrayList<>();
    for (JsonNode fork : rawDataHistogram) {
      Histogram histogram = new Histogram();
      for (JsonNode iteration : fork) {
        for (JsonNode pair : iteration) {
          histogram.add(pair.path(0).asDouble(Double.NaN), pair.path(1).asLong(0));
        }
      }
      if (histogram.count > 0) {
        forks.add(histogram);
      }
    }
    return forks;
  }

  /** Every sample of {@code rawDataHistogram}, every fork's, as values with their counts. */
  public static NavigableMap<Double, Long> pooled(JsonNode rawDataHistogram) {
    TreeMap<Double, Long> pooled = new TreeMap<>();
    for (Histogram fork : perFork(rawDataHistogram)) {
      fork.counts.forEach((value, times) -> pooled.merge(value, times, Long::sum));
    }
    return pooled;
  }

  private void add(double value, long times) {
    if (times > 0 && !Double.isNaN(value)) {
      counts.merge(value, times, Long::sum);
      count += times;
    }
  }

  long count() {
    return count;
  }

  double mean() {
    double sum = 0;
    for (Map.Entry<Double, Long> entry : counts.entrySet()) {
      sum += entry.getKey() * entry.getValue();
    }
    return sum / count;
  }

  double percentile(double quantile) {
    return nearestRank(counts, quantile);
  }

  /**
   * The nearest-rank {@code quantile} (0.99 for p99) of values with their counts: the least value
   * with at least that share of the count at or below it.
   */
  public static double nearestRank(NavigableMap<Double, Long> counts, double quantile) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long rank = Math.max(1, (long) Math.ceil(quantile * total));
    long seen = 0;
    for (Map.Entry<Double, Long> entry : counts.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return entry.getKey();
      }
    }
    return counts.lastKey();
  }
}
