package org.archbench.schema.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureEstimatesTest {

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

    FigureEstimates figures = FigureEstimates.of(results, "2026-12-02T10:00:00Z");

    assertEquals(List.of("mean", "p50", "p90", "p99", "p99.9", "native.peakRss", "mean"),
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
    assertTrue(Double.isNaN(read.figures().get(6).estimate().lower95()), "one fork, no interval");
    assertEquals(Verdict.TOO_FEW_SAMPLES, read.figures().get(6).estimate().verdict());
  }
}
