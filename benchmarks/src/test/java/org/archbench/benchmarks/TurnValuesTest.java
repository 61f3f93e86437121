package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A turn's figures as JMH's JSON record gives them. */
class TurnValuesTest {

  @Test
  void aLatencyTurnGivesItsPercentilesAndCountsItsSamples() throws Exception {
    JsonNode record = new ObjectMapper().readTree("""
        {"benchmark": "org.archbench.benchmarks.LatencyBenchmark.batch001", "mode": "sample",
         "primaryMetric": {"score": 120.5, "scoreUnit": "us/op",
           "scorePercentiles": {"50.0": 100.0, "90.0": 150.0, "99.0": 300.0, "99.9": 900.0},
           "rawDataHistogram": [[[[100.0, 700], [150.0, 250], [300.0, 50]]]]},
         "secondaryMetrics": {"native.peakRss": {"score": 210.0},
           "gc.alloc.rate.norm": {"score": 64.0}, "warmup.steady": {"score": 1.0}}}
        """);

    TurnValues turn = TurnValues.of(record);

    assertEquals(1000, turn.samples());
    assertEquals("us/op", turn.unit());
    assertEquals(Map.of("mean", 120.5, "p50", 100.0, "p90", 150.0, "p99", 300.0, "p99.9", 900.0,
        "native.peakRss", 210.0, "gc.alloc.rate.norm", 64.0, "warmup.steady", 1.0),
        turn.figures());
  }

  @Test
  void aThroughputTurnIsOneIterationsScore() throws Exception {
    JsonNode record = new ObjectMapper().readTree("""
        {"mode": "thrpt", "primaryMetric": {"score": 3200.0, "scoreUnit": "ops/s"},
         "secondaryMetrics": {"flop": {"score": 1.5e9}}}
        """);

    TurnValues turn = TurnValues.of(record);

    assertEquals(1, turn.samples());
    assertEquals(Map.of("mean", 3200.0, "flop", 1.5e9), turn.figures());
  }

  @Test
  void aTurnThatAllocatedNothingHasAHeapOfZero() throws Exception {
    JsonNode record = new ObjectMapper().readTree("""
        {"mode": "thrpt", "primaryMetric": {"score": 3200.0, "scoreUnit": "ops/s"},
         "secondaryMetrics": {"gc.alloc.rate": {"score": 0.01}}}
        """);

    assertEquals(Map.of("mean", 3200.0, "gc.alloc.rate.norm", 0.0),
        TurnValues.of(record).figures());
  }
}
