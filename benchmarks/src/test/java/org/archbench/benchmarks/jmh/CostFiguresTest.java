package org.archbench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.schema.jmh.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostFiguresTest {

  @TempDir Path directory;

  @Test
  void everyFigureOfTheResultsIsWrittenWithItsIntervalAndReadBack() throws IOException {
    String latency = "{\"benchmark\": \"a.LatencyBenchmark.batch001\", \"mode\": \"sample\","
        + " \"params\": {\"arch\": \"mlp\"}, \"primaryMetric\": {\"score\": 11, \"scoreUnit\":"
        + " \"us/op\", \"scorePercentiles\": {\"50.0\": 11, \"99.0\": 50}, \"rawDataHistogram\": ["
        + "[[[10, 700], [50, 10]]], [[[11, 700], [55, 10]]], [[[12, 700], [60, 10]]]]},"
        + " \"secondaryMetrics\": {\"\u00b7native.peakRss\": {\"score\": 400, \"scoreUnit\": \"MiB\","
        + " \"rawData\": [[400], [401], [399]]}}}";
    String oneFork = "{\"benchmark\": \"a.ThroughputBenchmark.batch001\", \"mode\": \"thrpt\","
        + " \"params\": {}, \"primaryMetric\": {\"score\": 900, \"scoreUnit\": \"ops/s\"}}";
    JmhResults results =
        JmhResults.of(JsonFiles.mapper().readTree("[" + latency + ", " + oneFork + "]"));

    FigureEstimates figures = CostFigures.estimates(results, "2026-12-02T10:00:00Z");

    assertEquals(List.of("mean", "p50", "p90", "p99", "p99.9", "native.peakRss", "rate", "mean"),
        figures.figures().stream().map(FigureEstimates.Figure::figure).toList());
    FigureEstimates.Figure p50 = figures.figures().get(1);
    // The geometric mean of the forks' p50s, 10, 11 and 12 us.
    assertEquals(Math.cbrt(10 * 11 * 12), p50.estimate().value(), 1e-9);
    assertEquals(3, p50.estimate().forks());
    assertEquals(Verdict.TOO_FEW_SAMPLES, figures.figures().get(4).estimate().verdict(),
        "p99.9 of 2,130 samples");
    Path file = directory.resolve("figures.json");
    JsonFiles.write(file, figures);
    FigureEstimates read = JsonFiles.read(file, FigureEstimates.class);
    assertEquals(figures.figures().size(), read.figures().size());
    assertEquals(Verdict.OK, read.figures().get(5).estimate().verdict());
    assertTrue(Double.isFinite(read.figures().get(5).estimate().lower95()));
    // The batch-1 rate: the geometric mean of each fork's reciprocal mean latency, in images/s.
    assertEquals("images/s", read.figures().get(6).unit());
    assertTrue(read.figures().get(6).estimate().value() > 1e6 / 12);
    assertTrue(Double.isNaN(read.figures().get(7).estimate().lower95()), "one fork, no interval");
    assertEquals(Verdict.TOO_FEW_SAMPLES, read.figures().get(7).estimate().verdict());
  
  }

  @Test
  void aBenchmarkThatAllocatedNothingHasAHeapOfZero() throws IOException {
    String silent = "{\"benchmark\": \"a.ThroughputBenchmark.batch256\", \"mode\": \"thrpt\","
        + " \"params\": {\"arch\": \"mlp\", \"engine\": \"pytorch\"}, \"primaryMetric\":"
        + " {\"score\": 900, \"scoreUnit\": \"ops/s\", \"rawData\": [[900], [910], [890]]},"
        + " \"secondaryMetrics\": {\"gc.alloc.rate\": {\"score\": 0.01}}}";

    FigureEstimates figures = CostFigures.estimates(
        JmhResults.of(JsonFiles.mapper().readTree("[" + silent + "]")), "2026-12-08T00:00:00Z");

    FigureEstimates.Figure heap = figures.all(CostMeasure.BATCH_256_THROUGHPUT,
        FigureKind.HEAP_PER_OPERATION).get(0);
    assertEquals(0, heap.estimate().value());
    assertEquals(3, heap.estimate().forks());
    assertEquals("B/op", heap.unit());
  }

  @Test
  void theOverheadIsWrittenAsEachPathsMicrosecondsPerCall() throws Exception {
    FigureEstimates figures = CostFigures.estimates(JmhResults.read(fixture()), "t");

    Map<String, String> mlp = Map.of("arch", "mlp");
    assertEquals(19.2264, figures.find(CostMeasure.ONNX_RUNTIME_OVERHEAD, mlp,
        FigureKind.PLAIN_SESSION).orElseThrow().value(), 1e-4);
    assertEquals(19.3901, figures.find(CostMeasure.ONNX_RUNTIME_OVERHEAD, mlp,
        FigureKind.ARCHBENCH_ENGINE).orElseThrow().value(), 1e-4);
    assertTrue(figures.find(CostMeasure.ONNX_RUNTIME_OVERHEAD, Map.of("arch", "cnn"),
        FigureKind.PLAIN_SESSION).isEmpty());
    assertEquals("1.37", figures.jmhVersion());
    assertTrue(figures.benchmarkJvm().startsWith("OpenJDK 64-Bit Server VM"),
        figures.benchmarkJvm());
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(CostFiguresTest.class.getResource("/jmh-results.json").toURI());
  }
}
