package org.archbench.reports;

import java.util.Map;
import java.util.Optional;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.JmhResults;
import org.archbench.schema.jmh.Precision;

/**
 * The report's cost figures as {@link Estimate}s over forks, against {@link Precision#DEFAULT}:
 * null where the benchmark did not run, which a table shows as missing.
 */
final class CostFigures {

  private static final Precision PRECISION = Precision.DEFAULT;

  private CostFigures() {}

  /** The primary metric of {@code benchmark} with {@code params}: images/s, ms. */
  static Estimate mean(JmhResults jmh, String benchmark, Map<String, String> params) {
    return mean(jmh.find(benchmark, params));
  }

  static Estimate mean(Optional<JmhResults.Record> record) {
    return record.map(r -> r.estimate(PRECISION.mean())).orElse(null);
  }

  /** A latency percentile: 0.5 for p50. */
  static Estimate percentile(Optional<JmhResults.Record> record, double quantile) {
    return record.flatMap(r -> r.percentileEstimate(quantile, PRECISION.ofQuantile(quantile)))
        .orElse(null);
  }

  /** A memory figure of a profiler: native.rssAnon, native.peakRss. */
  static Estimate memory(Optional<JmhResults.Record> record, String metric) {
    return record.flatMap(r -> r.secondaryEstimate(metric, PRECISION.memory())).orElse(null);
  }
}
