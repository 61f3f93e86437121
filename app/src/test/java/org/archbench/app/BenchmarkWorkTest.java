package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.BlockLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks stage's progress, read from its block log. */
class BenchmarkWorkTest {

  @TempDir
  Path run;

  private static BlockLog.Block block(int number) {
    return new BlockLog.Block(number, "org.archbench.benchmarks.LatencyBenchmark.batch001",
        List.of("arch=cnn,engine=onnxruntime,variant=fp32"), 1.5, true, null, 0.01, 0.0, 300.0);
  }

  @Test
  void theShareDoneIsTheTurnsRunOverThePlannedTurns() throws IOException {
    OutputLayout layout = new OutputLayout(run);
    long start = System.currentTimeMillis() - 60_000;
    JsonFiles.write(layout.jmhBlocks(),
        new BlockLog(1, 300, 4, 40, 10, List.of(block(1), block(2))));

    PipelineProgress.Progress progress = BenchmarkWork.progress(layout, start);

    assertEquals(10 / 40.0, progress.fractionDone(), 1e-9);
    assertEquals("block 3, turn 11 of 40", progress.doing());
  }

  @Test
  void pastThePilotTheStageSaysWhatItMeasuresStill() throws IOException {
    OutputLayout layout = new OutputLayout(run);
    JsonFiles.write(layout.jmhBlocks(), new BlockLog(1, 300, 4, 40, 44, List.of(block(1))));

    PipelineProgress.Progress progress =
        BenchmarkWork.progress(layout, System.currentTimeMillis() - 60_000);

    assertTrue(Double.isNaN(progress.fractionDone()));
    assertEquals("further blocks for the comparisons not yet decided", progress.doing());
  }

  @Test
  void aBlockLogFromAnEarlierRunSaysNothing() throws IOException {
    OutputLayout layout = new OutputLayout(run);
    JsonFiles.write(layout.jmhBlocks(), new BlockLog(1, 300, 4, 40, 10, List.of()));

    PipelineProgress.Progress progress =
        BenchmarkWork.progress(layout, System.currentTimeMillis() + 10_000);

    assertTrue(Double.isNaN(progress.fractionDone()));
  }
}
