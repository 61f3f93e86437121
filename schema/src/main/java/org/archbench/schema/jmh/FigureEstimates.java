package org.archbench.schema.jmh;

import java.util.List;
import java.util.Map;
import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;

/**
 * jmh/figures.json: every cost figure of jmh/results.json as archbench publishes it, so that a
 * reader needs no JMH: each benchmark and parameters' mean, latency percentiles, memory and heap
 * per operation, each with its 95% interval, the forks and samples behind it, its target and its
 * verdict; and the paired comparisons between configurations measured in the same blocks.
 *
 * @param figures every figure, in the order of the results' records
 * @param comparisons every paired comparison, each with its verdict (empty in files of format 1.0)
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "jmh/figures.json", minor = 1)
public record FigureEstimates(List<Figure> figures, @MayBeAbsent List<Comparison> comparisons,
    String createdAt) {

  /** An absent list reads as empty. */
  public FigureEstimates {
    figures = figures == null ? List.of() : List.copyOf(figures);
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
  }

  /**
   * One figure.
   *
   * @param benchmark the benchmark method, {@code package.Class.method}
   * @param params its JMH parameters
   * @param figure {@code mean}, {@code p50}, {@code p99}, {@code native.peakRss}, ...
   * @param unit the figure's unit: images/s, us/op, MiB, B/op
   * @param estimate the value, its interval, forks, samples, target and verdict
   */
  public record Figure(String benchmark, Map<String, String> params, String figure, String unit,
      Estimate estimate) {

    public Figure {
      params = params == null ? Map.of() : Map.copyOf(params);
    }
  }

  /** Every figure of {@code results} ({@link CostFigures#all}). */
  public static FigureEstimates of(JmhResults results, String createdAt) {
    return new FigureEstimates(results.records().stream()
        .flatMap(record -> CostFigures.all(record).stream()).toList(), List.of(), createdAt);
  }
}
