package org.archbench.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.schema.jmh.Precision;
import org.archbench.schema.jmh.Verdict;

/**
 * The cost figures of JMH's records, as {@link Estimate}s over forks against
 * {@link Precision#DEFAULT}: what the benchmark stage writes to jmh/figures.json for the parts run
 * as forks ({@link #estimates}), and what its console summary shows. Which target each kind of
 * figure answers to is decided here once. Null where the benchmark did not run, which the summary
 * shows as missing.
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

  /**
   * Images/s at batch 1 on the configuration {@code params}: one request at a time, each fork's
   * reciprocal of its mean latency. A throughput benchmark at batch 1 would time the very same
   * calls back to back, so the latency samples answer both.
   */
  public static Estimate batchOneThroughput(JmhResults jmh, Map<String, String> params) {
    return jmh.find(CostMeasure.BATCH_ONE_LATENCY.benchmark(), params)
        .map(r -> r.rateEstimate(PRECISION.mean()))
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

  /** The secondary metrics published as figures, with their units. */
  private static final Map<String, String> SECONDARY = Map.of(
      FigureKind.RSS_ANON.id(), "MiB", FigureKind.PEAK_RSS.id(), "MiB",
      FigureKind.HEAP_PER_OPERATION.id(), "B/op", FigureKind.FLOP.id(), "FLOP/s");

  /**
   * Every figure of {@code record}: its mean; for a latency distribution, p50, p90, p99 and p99.9;
   * those of its memory, heap and FLOP/s metrics it has (a heap of 0 where the gc profiler ran and
   * JMH left the figure out); for the batch-1 latency its rate in images/s; for the ONNX Runtime
   * overhead each path's microseconds per call.
   */
  public static List<FigureEstimates.Figure> all(JmhResults.Record record) {
    List<FigureEstimates.Figure> figures = new ArrayList<>();
    String benchmark = record.benchmark();
    figures.add(new FigureEstimates.Figure(benchmark, record.params(), FigureKind.MEAN.id(),
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
    new TreeMap<>(SECONDARY).forEach((metric, unit) -> {
      Estimate figure = metric.startsWith("native.") ? memory(Optional.of(record), metric)
          : record.secondaryEstimate(metric, PRECISION.mean()).orElse(null);
      if (figure == null && metric.equals(FigureKind.HEAP_PER_OPERATION.id())
          && record.heapBytesPerOperation().isPresent()) {
        figure = noHeap(record);
      }
      if (figure != null) {
        figures.add(new FigureEstimates.Figure(benchmark, record.params(), metric, unit, figure));
      }
    });
    Optional<CostMeasure> measure = CostMeasure.of(benchmark);
    if (measure.equals(Optional.of(CostMeasure.BATCH_ONE_LATENCY))) {
      figures.add(new FigureEstimates.Figure(benchmark, record.params(), FigureKind.RATE.id(),
          "images/s", record.rateEstimate(PRECISION.mean())));
    }
    if (measure.equals(Optional.of(CostMeasure.ONNX_RUNTIME_OVERHEAD))) {
      record.overhead().ifPresent(overhead -> {
        figures.add(overheadFigure(record, FigureKind.PLAIN_SESSION, overhead.plainMicros()));
        figures.add(overheadFigure(record, FigureKind.ARCHBENCH_ENGINE,
            overhead.archbenchMicros()));
      });
    }
    return figures;
  }

  /**
   * A heap of 0 bytes per operation over {@code record}'s forks: JMH leaves the figure out where a
   * benchmark allocated nothing.
   */
  private static Estimate noHeap(JmhResults.Record record) {
    Estimate mean = mean(Optional.of(record));
    return noHeap(Math.max(1, mean.forks()), mean.samples());
  }

  /** A heap of 0 bytes per operation in each of {@code forks} forks (or blocks). */
  public static Estimate noHeap(int forks, long samples) {
    return new Estimate(0, 0, 0, forks, samples, PRECISION.mean(),
        forks < Estimate.MINIMUM_FORKS ? Verdict.TOO_FEW_SAMPLES : Verdict.OK,
        Collections.nCopies(forks, 0.0));
  }

  /**
   * One path's microseconds per call of the overhead benchmark, split from the record's score by
   * each path's share of the time: one value, without an interval.
   */
  private static FigureEstimates.Figure overheadFigure(JmhResults.Record record, FigureKind path,
      double micros) {
    return new FigureEstimates.Figure(record.benchmark(), record.params(), path.id(), "us/op",
        Estimate.of(new double[] {micros}, mean(Optional.of(record)).samples(), 0,
            PRECISION.mean()));
  }

  /**
   * jmh/figures.json of {@code results} alone, as of a run measured in forks only: every figure of
   * every record ({@link #all}), no paired comparisons, and the JMH and JVM of the first record.
   */
  public static FigureEstimates estimates(JmhResults results, String createdAt) {
    Optional<JmhResults.Record> first = results.records().stream().findFirst();
    return new FigureEstimates(results.records().stream()
        .flatMap(record -> all(record).stream()).toList(), List.of(),
        first.map(JmhResults.Record::jmhVersion).orElse(null),
        first.map(JmhResults.Record::benchmarkJvm).orElse(null), createdAt);
  }
}
