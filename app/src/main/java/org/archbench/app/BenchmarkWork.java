package org.archbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.BlockLog;

/**
 * How far the benchmarks stage has come: the steady-state turns run since the stage started,
 * against the turns of its setup and pilot blocks (jmh/blocks.json, written before the first
 * block and after each). A file from an earlier run is told apart by its time.
 */
final class BenchmarkWork {

  private BenchmarkWork() {}

  static PipelineProgress.Progress progress(OutputLayout layout, long startMillis) {
    try {
      Path plan = layout.jmhBlocks();
      if (!Files.isRegularFile(plan) || Files.getLastModifiedTime(plan).toMillis() < startMillis) {
        return PipelineProgress.Progress.UNKNOWN;
      }
      BlockLog log = JsonFiles.read(plan, BlockLog.class);
      if (log.plannedTurns() == 0) {
        return PipelineProgress.Progress.UNKNOWN;
      }
      if (log.turns() >= log.plannedTurns()) {
        return new PipelineProgress.Progress(Double.NaN, Double.NaN,
            "further blocks for the comparisons not yet decided");
      }
      return new PipelineProgress.Progress((double) log.turns() / log.plannedTurns(), Double.NaN,
          String.format(Locale.ROOT, "block %d, turn %d of %d", log.blocks().size() + 1,
              log.turns() + 1, log.plannedTurns()));
    } catch (IOException | RuntimeException e) {
      // A file being replaced as it is read: the next line will read it.
      return PipelineProgress.Progress.UNKNOWN;
    }
  }
}
