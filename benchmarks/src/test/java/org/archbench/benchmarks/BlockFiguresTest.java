package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.archbench.schema.jmh.Comparison;
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
}
