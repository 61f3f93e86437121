package org.archbench.schema.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.archbench.schema.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureEstimatesTest {

  @TempDir Path directory;

  private static final String LATENCY = "LatencyBenchmark.batch001";
  private static final String B256 = "org.archbench.benchmarks.ThroughputBenchmark.batch256";

  private static FigureEstimates.Figure figure(String benchmark, Map<String, String> params,
      String figure, double... values) {
    return new FigureEstimates.Figure(benchmark, params, figure, "",
        Estimate.of(values, values.length, 0, 0.03));
  }

  @Test
  void aFigureIsFoundByItsQuestionKindAndConfigurationAFloat32OneWithoutAVariantToo() {
    FigureEstimates figures = new FigureEstimates(List.of(
        figure(LATENCY, Map.of("arch", "mlp", "engine", "onnxruntime"), "p50", 20, 21, 22),
        figure(LATENCY, Map.of("arch", "mlp", "engine", "onnxruntime"), "p50", 99),
        figure(B256, ConfigurationParams.of("onnxruntime", "mlp", "int8"), "mean", 900),
        figure("ColdStartBenchmark.engineStart", Map.of("engine", "pytorch"), "mean", 300)),
        List.of(), null, null, "2026-12-08T00:00:00Z");

    Map<String, String> float32 = ConfigurationParams.float32("onnxruntime", "mlp");
    assertEquals(Math.cbrt(20 * 21 * 22), figures.find(CostMeasure.BATCH_ONE_LATENCY, float32,
        FigureKind.P50).orElseThrow().value(), 1e-9, "the first of two, by its parameters");
    assertTrue(figures.find(CostMeasure.BATCH_ONE_LATENCY, float32, FigureKind.P99).isEmpty());
    assertTrue(figures.find(CostMeasure.BATCH_256_THROUGHPUT, float32, FigureKind.MEAN).isEmpty());
    assertEquals(900, figures.find(CostMeasure.BATCH_256_THROUGHPUT,
        ConfigurationParams.of("onnxruntime", "mlp", "int8"), FigureKind.MEAN).orElseThrow()
        .value(), 1e-9, "named with its package");
    assertEquals(300, figures.find(CostMeasure.ENGINE_START,
        ConfigurationParams.float32("pytorch", "cnn"), FigureKind.MEAN).orElseThrow().value(),
        1e-9, "the engine's start, whatever the model");
    assertTrue(figures.measured(CostMeasure.BATCH_ONE_LATENCY, float32));
    assertFalse(figures.measured(CostMeasure.BATCH_256_THROUGHPUT, float32));
    assertEquals(2, figures.all(CostMeasure.BATCH_ONE_LATENCY, FigureKind.P50).size());
  }

  @Test
  void thePeakIsTheBestFlopsOfTheGemmAndTheFloat32Models() {
    FigureEstimates figures = new FigureEstimates(List.of(
        figure("PeakGemmBenchmark.matmul", Map.of("n", "1024"), "flop", 50e9),
        figure(B256, Map.of("arch", "cnn", "engine", "onnxruntime"), "flop", 80e9),
        figure(B256, ConfigurationParams.of("onnxruntime", "cnn", "int8"), "flop", 200e9)),
        List.of(), null, null, "2026-12-08T00:00:00Z");

    assertEquals(80e9, figures.peakFlops().getAsDouble(), 1, "an int8 model's does not count");
    assertTrue(new FigureEstimates(List.of(), List.of(), null, null, "t").peakFlops().isEmpty());
  }

  @Test
  void theFiguresAndComparisonsOfAConfigurationCanBeLeftOut() {
    Map<String, String> ort = ConfigurationParams.float32("onnxruntime", "mlp");
    Map<String, String> torch = ConfigurationParams.float32("pytorch", "mlp");
    Comparison comparison = new Comparison(B256, "mean", "ops/s", false, ort, torch, 2, 1.9, 2.1,
        1.8, 2.2, 10, 0.05, ComparisonVerdict.A_CHEAPER, null);
    FigureEstimates figures = new FigureEstimates(List.of(figure(B256, ort, "mean", 900),
        figure(B256, torch, "mean", 450)), List.of(comparison), "1.37", "a JVM", "t");

    FigureEstimates current = figures.without(torch::equals);

    assertEquals(1, current.figures().size());
    assertTrue(current.comparisons().isEmpty());
    assertFalse(current.measured(CostMeasure.BATCH_256_THROUGHPUT, torch));
    assertEquals("1.37", current.jmhVersion());
  }

  @Test
  void aFileOfFormat11ReadsWithoutItsJmhAndIsLookedUpAsRead() throws IOException {
    Path file = Files.writeString(directory.resolve("figures.json"), "{\"formatVersion\": \"1.1\","
        + " \"figures\": [{\"benchmark\": \"ThroughputBenchmark.batch032\", \"params\":"
        + " {\"arch\": \"mlp\", \"engine\": \"onnxruntime\"}, \"figure\": \"mean\","
        + " \"unit\": \"ops/s\", \"estimate\": {\"value\": 1000, \"lower95\": 990,"
        + " \"upper95\": 1010, \"forks\": 3, \"samples\": 3, \"target\": 0.03,"
        + " \"verdict\": \"ok\", \"forkValues\": [990, 1000, 1010]}}],"
        + " \"comparisons\": [], \"createdAt\": \"2026-12-01T10:00:00Z\"}");

    FigureEstimates read = JsonFiles.read(file, FigureEstimates.class);

    assertNull(read.jmhVersion());
    assertEquals(1000, read.find(CostMeasure.BATCH_32_THROUGHPUT,
        ConfigurationParams.float32("onnxruntime", "mlp"), FigureKind.MEAN).orElseThrow().value());
  }
}
