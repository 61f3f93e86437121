package org.archbench.schema.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cost figures the report and the console summary show, as {@link Estimate}s over forks
 * against {@link Precision#DEFAULT}: which target each kind of figure answers to is decided here
 * once. Null where the benchmark did not run, which both show as missing.
 */
public final class CostFigures {

  private static final Precision PRECISION = Precision.DEFAULT;

  private CostFigures() {}

  /** The primary metric of {@code benchmark} with {@code params}: images/s, ms. */
  public static Estimate mean(JmhResults jmh, String benchmark, Map<String, String> params) {
    return mean(jmh.find(benchmark, params));
  }

  public static Estimate mean(Optional<JmhResults.Record> record) {
    return record.map(r -> r.estimate(PRECISION.mean())).orElse(null);
  }

  /** The benchmark of one request of one image, whose samples give batch-1 latency and rate. */
  public static final String BATCH_ONE_LATENCY = "LatencyBenchmark.batch001";

  /**
   * Images/s at batch 1 on the configuration {@code params}: one request at a time, each fork's
   * reciprocal of its mean latency. A throughput benchmark at batch 1 would time the very same
   * calls back to back, so the latency samples answer both.
   */
  public static Estimate batchOneThroughput(JmhResults jmh, Map<String, String> params) {
    return jmh.find(BATCH_ONE_LATENCY, params).map(r -> r.rateEstimate(PRECISION.mean()))
        .orElse(null);
  }

  /** A latency percentile: 0.5 for p50. */
  public static Estimate percentile(Optional<JmhResults.Record> record, double quantile) {
    return record.flatMap(r -> r.percentileEstimate(quantile, PRECISION.ofQuantile(quantile)))
        .orElse(null);
  }

  /** A memory figure of a profiler: native.rssAnon, native.peakRss. */
  public static Estimate memory(Optional<JmhResults.Record> record, String metric) {
    return record.flatMap(r -> r.secondaryEstimate(metric, PRECISION.memory())).orElse(null);
  }

  /**
   * The figures of {@code record} that decide whether it is measured well enough: its mean, and
   * for a latency distribution (JMH's sample mode) its p50 and p99. The benchmark stage adds
   * rounds until each is ok, or its budget is spent.
   */
  public static List<Estimate> deciding(JmhResults.Record record) {
    List<Estimate> figures = new ArrayList<>(List.of(mean(Optional.of(record))));
    if (record.node().path("mode").asText().equals("sample")) {
      for (double quantile : new double[] {0.5, 0.99}) {
        Estimate figure = percentile(Optional.of(record), quantile);
        if (figure != null) {
          figures.add(figure);
        }
      }
    }
    return figures;
  }

  /** The secondary metrics published as figures, with their units. */
  private static final Map<String, String> SECONDARY = Map.of(
      "native.rssAnon", "MiB", "native.peakRss", "MiB", "gc.alloc.rate.norm", "B/op",
      "flop", "FLOP/s");

  /**
   * Every figure of {@code record}: its mean; for a latency distribution, p50, p90, p99 and p99.9;
   * and those of its memory, heap and FLOP/s metrics it has.
   */
  public static List<FigureEstimates.Figure> all(JmhResults.Record record) {
    List<FigureEstimates.Figure> figures = new ArrayList<>();
    String benchmark = record.benchmark();
    figures.add(new FigureEstimates.Figure(benchmark, record.params(), "mean",
        record.scoreUnit(), mean(Optional.of(record))));
    if (record.node().path("mode").asText().equals("sample")) {
      for (double quantile : new double[] {0.5, 0.9, 0.99, 0.999}) {
        Estimate figure = percentile(Optional.of(record), quantile);
        if (figure != null) {
          figures.add(new FigureEstimates.Figure(benchmark, record.params(),
              "p" + JmhResults.Record.percentileKey(quantile).replaceAll("\\.0$", ""),
              record.scoreUnit(), figure));
        }
      }
    }
    new java.util.TreeMap<>(SECONDARY).forEach((metric, unit) -> {
      Estimate figure = metric.startsWith("native.") ? memory(Optional.of(record), metric)
          : record.secondaryEstimate(metric, PRECISION.mean()).orElse(null);
      if (figure != null) {
        figures.add(new FigureEstimates.Figure(benchmark, record.params(), metric, unit, figure));
      }
    });
    return figures;
  }
}
