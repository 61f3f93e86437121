package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.RoundOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks stage's progress, read from its round plan and its forks' files. */
class BenchmarkWorkTest {

  @TempDir
  Path run;

  @Test
  void theShareDoneIsTheForksOfThisStageOverThePlannedRoundsForks() throws IOException {
    OutputLayout layout = new OutputLayout(run);
    long start = System.currentTimeMillis() - 60_000;
    JsonFiles.write(layout.jmhRoundOrder(), new RoundOrder(1, 3, 4, 1, List.of(List.of())));
    Files.createDirectories(layout.jmhRounds());
    for (String fork : List.of("1-001", "1-002", "1-003", "1-004", "2-001")) {
      Files.writeString(layout.jmhRounds().resolve(fork + ".json"), "[]");
    }
    // A fork left by an earlier run of the stage does not count.
    Path stale = Files.writeString(layout.jmhRounds().resolve("2-002.json"), "[]");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(start - 1_000));

    PipelineProgress.Progress progress = BenchmarkWork.progress(layout, start);

    assertEquals(5 / 12.0, progress.fractionDone(), 1e-9);
    assertEquals("round 2 of 3, fork 2 of 4", progress.doing());
  }

  @Test
  void aRoundPlanFromAnEarlierRunSaysNothing() throws IOException {
    OutputLayout layout = new OutputLayout(run);
    JsonFiles.write(layout.jmhRoundOrder(), new RoundOrder(1, 3, 4, 3, List.of()));

    PipelineProgress.Progress progress =
        BenchmarkWork.progress(layout, System.currentTimeMillis() + 10_000);

    assertTrue(Double.isNaN(progress.fractionDone()));
  }
}
