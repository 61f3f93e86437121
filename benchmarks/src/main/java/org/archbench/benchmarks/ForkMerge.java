package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.archbench.benchmarks.jmh.Histogram;

/**
 * Merges JMH records of the same benchmark, mode and parameters, measured in separate rounds of one
 * fork each, into one record of all their forks, as if JMH had run them in one go: the forks' raw
 * data (iterations, latency histograms, every secondary metric's) side by side, {@code forks} their
 * count, and each score and percentile (nearest-rank) of what it pools.
 *
 * <p>JMH's {@code scoreError} and {@code scoreConfidence} pool every iteration as if independent;
 * a merged record drops them (null) rather than carry a figure that ignores the forks. The
 * estimates over forks ({@code Estimate}) are what archbench shows.
 */
final class ForkMerge {

  private ForkMerge() {}

  /** One record per benchmark, mode and parameters, in the order each first appears. */
  static ArrayNode merge(List<JsonNode> records) {
    Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
    for (JsonNode record : records) {
      String key = record.path("benchmark").asText() + " " + record.path("mode").asText() + " "
          + record.path("params");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    }
    ArrayNode merged = JsonNodeFactory.instance.arrayNode();
    for (List<JsonNode> group : groups.values()) {
      merged.add(group.size() == 1 ? group.get(0) : merge(group.get(0), group));
    }
    return merged;
  }

  private static JsonNode merge(JsonNode first, List<JsonNode> group) {
    ObjectNode merged = first.deepCopy();
    merged.put("forks", group.stream().mapToInt(record -> record.path("forks").asInt(1)).sum());
    mergeMetric((ObjectNode) merged.path("primaryMetric"),
        group.stream().map(record -> record.path("primaryMetric")).toList());
    JsonNode secondaries = merged.path("secondaryMetrics");
    Iterator<String> names = secondaries.fieldNames();
    List<String> metricNames = new ArrayList<>();
    names.forEachRemaining(metricNames::add);
    for (String name : metricNames) {
      List<JsonNode> metrics = group.stream()
          .map(record -> record.path("secondaryMetrics").path(name))
          .filter(JsonNode::isObject).toList();
      mergeMetric((ObjectNode) secondaries.path(name), metrics);
    }
    return merged;
  }

  /** {@code target} (a copy of the first) becomes the metric of every fork of {@code metrics}. */
  private static void mergeMetric(ObjectNode target, List<JsonNode> metrics) {
    ArrayNode rawData = JsonNodeFactory.instance.arrayNode();
    ArrayNode histograms = JsonNodeFactory.instance.arrayNode();
    for (JsonNode metric : metrics) {
      metric.path("rawData").forEach(rawData::add);
      metric.path("rawDataHistogram").forEach(histograms::add);
    }
    if (!rawData.isEmpty()) {
      target.set("rawData", rawData);
    }
    if (!histograms.isEmpty()) {
      target.set("rawDataHistogram", histograms);
    }
    NavigableMap<Double, Long> pooled =
        histograms.isEmpty() ? iterations(rawData) : Histogram.pooled(histograms);
    if (pooled.isEmpty()) {
      return;
    }
    long count = pooled.values().stream().mapToLong(Long::longValue).sum();
    double sum = 0;
    for (Map.Entry<Double, Long> entry : pooled.entrySet()) {
      sum += entry.getKey() * entry.getValue();
    }
    target.put("score", sum / count);
    target.putNull("scoreError");
    target.putNull("scoreConfidence");
    if (target.path("scorePercentiles") instanceof ObjectNode percentiles) {
      List<String> keys = new ArrayList<>();
      percentiles.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        percentiles.put(key, Histogram.nearestRank(pooled, Double.parseDouble(key) / 100));
      }
    }
  }

  private static TreeMap<Double, Long> iterations(ArrayNode rawData) {
    TreeMap<Double, Long> pooled = new TreeMap<>();
    for (JsonNode fork : rawData) {
      for (JsonNode iteration : fork) {
        pooled.merge(iteration.asDouble(), 1L, Long::sum);
      }
    }
    return pooled;
  }
}
