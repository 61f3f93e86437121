package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.junit.jupiter.api.Test;

/** The comparisons the blocks are steered by. */
class BlockFiguresTest {

  private static final String BATCH_32 = "org.archbench.benchmarks.ThroughputBenchmark.batch032";

  @Test
  void theEnginesAreComparedWithTheFirstRegisteredWhateverTheBlocksOrder() {
    BlockSeries series = new BlockSeries();
    List<String> engines = List.of("pytorch", "opencv", "onnxruntime");
    for (int block = 0; block < 3; block++) {
      int index = series.openBlock(BATCH_32);
      for (int i = 0; i < engines.size(); i++) {
        series.add(BATCH_32, index, Map.of("arch", "cnn", "engine", engines.get(i), "variant",
            "fp32"), new TurnValues(Map.of("mean", 1000.0 * (i + 1) + block), "ops/s", 10));
      }
    }

    List<Comparison> asked = new BlockFigures(series).asked(BATCH_32);

    // pytorch took the first turn of every block; ONNX Runtime is still the one compared with.
    assertEquals(Set.of(Set.of("pytorch", "onnxruntime"), Set.of("opencv", "onnxruntime")),
        asked.stream().map(c -> Set.of(c.a().get("engine"), c.b().get("engine")))
            .collect(Collectors.toSet()));
    assertEquals(3, new BlockFigures(series).comparisons(BATCH_32).size());
  }

  @Test
  void theBatchOneRateIsEachBlocksReciprocalAndANoHeapIsZero() {
    String latency = "org.archbench.benchmarks.LatencyBenchmark.batch001";
    BlockSeries series = new BlockSeries();
    Map<String, String> mlp = Map.of("arch", "mlp", "engine", "onnxruntime", "variant", "fp32");
    for (double micros : new double[] {100, 125, 80}) {
      int index = series.openBlock(latency);
      series.add(latency, index, mlp, new TurnValues(
          Map.of("mean", micros, "gc.alloc.rate.norm", 0.0), "us/op", 1000));
    }

    List<FigureEstimates.Figure> figures = new BlockFigures(series).figures();

    FigureEstimates.Figure rate = figures.stream()
        .filter(f -> f.figure().equals(FigureKind.RATE.id())).findFirst().orElseThrow();
    // The geometric mean of 10,000, 8,000 and 12,500 images/s.
    assertEquals(Math.cbrt(10_000.0 * 8_000 * 12_500), rate.estimate().value(), 1e-6);
    assertEquals(3, rate.estimate().forks());
    FigureEstimates.Figure heap = figures.stream()
        .filter(f -> f.figure().equals(FigureKind.HEAP_PER_OPERATION.id())).findFirst()
        .orElseThrow();
    assertEquals(0, heap.estimate().value());
    assertEquals(3, heap.estimate().forks());
  }
}
