package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one turn's JMH record, by name: {@code mean} (the primary score: images/s, or
 * microseconds per request), for a latency distribution its percentiles ({@code p50}, {@code p90},
 * {@code p99}, {@code p99.9}), and the secondary metrics published as figures
 * ({@code native.peakRss}, {@code native.rssAnon}, {@code gc.alloc.rate.norm}, {@code flop}).
 *
 * @param figures each figure's value in this turn
 * @param unit the primary score's unit: ops/s (images/s), us/op
 * @param samples the measurements behind them: latency samples, or 1 for an iteration's score
 */
record TurnValues(Map<String, Double> figures, String unit, long samples) {

  /** The percentiles of a latency turn that are figures, with JMH's keys. */
  static final Map<String, String> PERCENTILES =
      Map.of("p50", "50.0", "p90", "90.0", "p99", "99.0", "p99.9", "99.9");

  /** Whether the fork's warm-up got steady: 1 or 0 ({@link SteadyStateProfiler}). */
  static final String WARMUP_STEADY = "warmup.steady";

  private static final String HEAP_PER_OPERATION = "gc.alloc.rate.norm";

  private static final String[] SECONDARY =
      {"native.peakRss", "native.rssAnon", HEAP_PER_OPERATION, "flop", WARMUP_STEADY};

  static TurnValues of(JsonNode record) {
    Map<String, Double> figures = new LinkedHashMap<>();
    JsonNode primary = record.path("primaryMetric");
    figures.put("mean", primary.path("score").asDouble(Double.NaN));
    long samples = 1;
    if (record.path("mode").asText().equals("sample")) {
      PERCENTILES.forEach((figure, key) ->
          figures.put(figure, primary.path("scorePercentiles").path(key).asDouble(Double.NaN)));
      samples = 0;
      for (JsonNode fork : primary.path("rawDataHistogram")) {
        for (JsonNode iteration : fork) {
          for (JsonNode bin : iteration) {
            samples += bin.path(1).asLong();
          }
        }
      }
    }
    for (String metric : SECONDARY) {
      JsonNode value = record.path("secondaryMetrics").path(metric).path("score");
      if (value.isNumber()) {
        figures.put(metric, value.asDouble());
      }
    }
    // JMH leaves the heap per operation out where the benchmark allocated nothing.
    if (!figures.containsKey(HEAP_PER_OPERATION)
        && record.path("secondaryMetrics").path("gc.alloc.rate").path("score").isNumber()) {
      figures.put(HEAP_PER_OPERATION, 0.0);
    }
    return new TurnValues(Map.copyOf(figures), primary.path("scoreUnit").asText(), samples);
  }
}
