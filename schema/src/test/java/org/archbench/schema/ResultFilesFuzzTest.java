package org.archbench.schema;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.fuzz.NamedFailures;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.study.TransferReport;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.MachineStability;
import org.archbench.schema.jmh.NotSupportedPairs;
import org.archbench.schema.run.RunManifest;
import org.archbench.schema.stats.StatisticsReport;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as any result file: each reader of the schema returns its record (never null) or fails
 * with an IOException naming the file, in bounded time.
 *
 * <p>{@code mvn verify} replays {@code ResultFilesFuzzTestInputs/resultFile} (one real file of each
 * kind, and what fuzzing found); {@code JAZZER_FUZZ=1} fuzzes it.
 */
class ResultFilesFuzzTest {

  /** Every record a stage writes and a later stage or the report reads back. */
  private static final List<Class<?>> RESULT_FILES = List.of(TrainingKey.class,
      TrainingReport.class, EvaluationReport.class, RobustnessReport.class, ImbalanceReport.class,
      TransferReport.class, LossReport.class, StatisticsReport.class, RunManifest.class,
      MachineStability.class, FigureEstimates.class, NotSupportedPairs.class);

  @TempDir static Path dir;

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void resultFile(byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("fuzzed.json"), content);
    for (Class<?> type : RESULT_FILES) {
      try {
        if (JsonFiles.read(file, type) == null) {
          throw new AssertionError("expected a " + type.getSimpleName() + " or an error, found null");
        }
      } catch (IOException e) {
        NamedFailures.requireNamed(e, file);
      }
    }
  }
}
