package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.BlockLog;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.MachineStability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Real forks measuring in turns, without models or dataset: the GEMM of both libraries, each a
 * fork of its own kept alive for the blocks, the ONNX Runtime one also the anchor of every block.
 */
class BlockCoordinatorTest {

  private static final String GEMM = PeakGemmBenchmark.class.getName() + ".matmul";
  private static final Map<String, String> PYTORCH = Map.of("library", "pytorch", "n", "1024");

  /** One settling block, two pilot blocks and one more for what is still open, 60 ms turns. */
  private static JmhPreset budget(int maximumBlocks) {
    return new JmhPreset(List.of(JmhPreset.every(PeakGemmBenchmark.class)), 2, maximumBlocks,
        Duration.ofMinutes(2), 1, Duration.ofMillis(60), List.of(), 0, Duration.ofMillis(50), 2,
        0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100), List.of(), 1, 0);
  }

  private static List<String> jvm() {
    return List.of(BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD, "-Xmx256m");
  }

  @Test
  void everyConfigurationTakesATurnInEveryPilotBlockThenOnlyWhatIsStillOpen(@TempDir Path run)
      throws Exception {
    OutputLayout layout = new OutputLayout(run);
    BenchmarkPlan plan =
        BenchmarkPlan.of(List.of(JmhPreset.every(PeakGemmBenchmark.class)), Map.of());
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    // After the pilot, only PyTorch's GEMM is still open.
    BlockCoordinator.Allocation open = (benchmark, series, left) -> Set.of(PYTORCH);

    BlockCoordinator.Outcome outcome = new BlockCoordinator(layout, budget(3), jvm(), 1, open,
        Optional.empty(), new PrintStream(console, true, StandardCharsets.UTF_8)).run(plan);

    BlockLog log = JsonFiles.read(layout.jmhBlocks(), BlockLog.class);
    assertEquals(2, log.forks());
    assertEquals(List.of(false, true, true, true),
        log.blocks().stream().map(BlockLog.Block::counted).toList(), console.toString());
    assertEquals("settling", log.blocks().get(0).why());
    for (BlockLog.Block block : log.blocks().subList(0, 3)) {
      assertEquals(Set.of("library=onnxruntime,n=1024", "library=pytorch,n=1024"),
          Set.copyOf(block.order()));
      assertTrue(block.anchorGflops() > 0, block.toString());
    }
    // The last block: PyTorch's GEMM, and the anchor in its place among them.
    assertEquals(Set.of("library=onnxruntime,n=1024", "library=pytorch,n=1024"),
        Set.copyOf(log.blocks().get(3).order()));
    BlockSeries series = outcome.series();
    assertEquals(3, series.blocks(GEMM));
    assertEquals(3, series.blocksOf(GEMM, PYTORCH));
    // The anchor took part in the third counted block as the anchor only: its figures there
    // count as the anchor's, not as a member's.
    assertEquals(2, series.blocksOf(GEMM, BlockCoordinator.ANCHOR));
    assertEquals(log.blocks().size(),
        JsonFiles.read(layout.jmhStability(), MachineStability.class).calibrations().size());

    JsonNode merged = JsonFiles.mapper().readTree(outcome.steadyState().toFile());
    assertEquals(2, merged.size());
    Map<String, Integer> forks = new LinkedHashMap<>();
    merged.forEach(record -> forks.put(record.path("params").path("library").asText(),
        record.path("forks").asInt()));
    assertEquals(Map.of("pytorch", 3, "onnxruntime", 2), forks, "a counted turn is a replicate");

    List<Comparison> comparisons = new BlockFigures(series).comparisons();
    assertEquals(1, comparisons.size());
    assertEquals(2, comparisons.get(0).blocks(), "paired only where both took a turn");
    assertTrue(comparisons.get(0).ratio() > 0);
    assertFalse(ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive),
        "every fork ended with the blocks");
  }

  @Test
  void aForkThatFailsItsTurnEndsTheStageQuotingItsLog(@TempDir Path run) throws Exception {
    OutputLayout layout = new OutputLayout(run);
    BenchmarkPlan plan = new BenchmarkPlan(List.of(new BenchmarkPlan.Configuration(GEMM,
        Map.of("library", "onnxruntime", "n", "not-a-size"))));

    IOException error = assertThrows(IOException.class, () -> new BlockCoordinator(layout,
        budget(2), jvm(), 1, (benchmark, series, left) -> Set.of(), Optional.empty(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(plan));

    assertTrue(error.getMessage().startsWith(
        "the benchmark fork of library=onnxruntime,n=not-a-size failed a turn of " + GEMM),
        error.getMessage());
    assertTrue(error.getMessage().contains("Its log ("), error.getMessage());
    assertFalse(ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive),
        "the forks ended with the failure");
  }
}
