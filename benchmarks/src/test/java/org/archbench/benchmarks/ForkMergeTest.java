package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.Estimate;
import org.archbench.benchmarks.jmh.JmhResults;
import org.junit.jupiter.api.Test;

/** Rounds of one fork each become one record of all the forks, as JMH would have written it. */
class ForkMergeTest {

  private static JsonNode record(String arch, String rawData, String rss) throws Exception {
    return JsonFiles.mapper().readTree("{\"benchmark\": \"x.ThroughputBenchmark.batch032\","
        + " \"mode\": \"thrpt\", \"forks\": 1, \"params\": {\"arch\": \"" + arch + "\"},"
        + " \"primaryMetric\": {\"score\": 0, \"scoreError\": 1, \"scorePercentiles\": {\"50.0\": 0},"
        + " \"rawData\": " + rawData + "}, \"secondaryMetrics\": {\"\u00b7native.rssAnon\":"
        + " {\"score\": 0, \"rawData\": " + rss + "}}}");
  }

  @Test
  void theForksOfOneConfigurationAreSideBySide() throws Exception {
    List<JsonNode> rounds = List.of(record("mlp", "[[990, 1010]]", "[[300]]"),
        record("cnn", "[[50, 50]]", "[[400]]"), record("mlp", "[[1000, 1000]]", "[[301]]"),
        record("mlp", "[[1005, 995]]", "[[299]]"));

    JmhResults merged = JmhResults.of(ForkMerge.merge(rounds));

    assertEquals(2, merged.records().size());
    JmhResults.Record mlp = merged.find("ThroughputBenchmark.batch032", Map.of("arch", "mlp"))
        .orElseThrow();
    assertEquals(3, mlp.node().path("forks").asInt());
    assertEquals(1000, mlp.score(), 1e-9);
    assertTrue(mlp.node().path("primaryMetric").path("scoreError").isNull(),
        "JMH's pooled error ignores the forks: dropped");
    assertEquals(1000, mlp.percentile("50.0"), 1e-9);
    Estimate estimate = mlp.estimate(0.03);
    assertEquals(3, estimate.forks());
    assertEquals(6, estimate.samples());
    assertEquals(3, mlp.secondaryEstimate("native.rssAnon", 0.03).orElseThrow().forks());
    assertEquals(300, mlp.secondary("native.rssAnon").getAsDouble(), 1e-9);
  }
}
