package org.archbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.RoundOrder;

/**
 * How far the benchmarks stage has come: the steady-state forks finished since the stage started,
 * against the forks of its planned rounds (jmh/rounds.json, written before the first round).
 * Files from an earlier run are told apart by their times.
 */
final class BenchmarkWork {

  private BenchmarkWork() {}

  static PipelineProgress.Progress progress(OutputLayout layout, long startMillis) {
    try {
      Path plan = layout.jmhRoundOrder();
      if (!Files.isRegularFile(plan) || Files.getLastModifiedTime(plan).toMillis() < startMillis) {
        return PipelineProgress.Progress.UNKNOWN;
      }
      RoundOrder order = JsonFiles.read(plan, RoundOrder.class);
      long planned = (long) order.plannedRounds() * order.configurations();
      if (planned == 0) {
        return PipelineProgress.Progress.UNKNOWN;
      }
      long done = forksSince(layout.jmhRounds(), startMillis);
      if (done >= planned) {
        return new PipelineProgress.Progress(Double.NaN, Double.NaN,
            "further rounds of the figures not yet decided");
      }
      return new PipelineProgress.Progress((double) done / planned, Double.NaN,
          String.format(Locale.ROOT, "round %d of %d, fork %d of %d",
              done / order.configurations() + 1, order.plannedRounds(),
              done % order.configurations() + 1, order.configurations()));
    } catch (IOException | RuntimeException e) {
      // A file being replaced as it is read: the next line will read it.
      return PipelineProgress.Progress.UNKNOWN;
    }
  }

  private static long forksSince(Path rounds, long startMillis) throws IOException {
    if (!Files.isDirectory(rounds)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(rounds)) {
      return files.filter(file -> {
        try {
          return Files.getLastModifiedTime(file).toMillis() >= startMillis;
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }
}
