package org.archbench.benchmarks.jmh;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.schema.fuzz.NamedFailures;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as JMH's JSON results: the reader returns the records or fails with an IOException
 * naming the file, in bounded time.
 *
 * <p>{@code mvn verify} replays {@code JmhResultsFuzzTestInputs/results} (a real results file, and
 * what fuzzing found); {@code JAZZER_FUZZ=1} fuzzes it.
 */
class JmhResultsFuzzTest {

  @TempDir static Path dir;

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void results(byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("results.json"), content);
    try {
      JmhResults.read(file);
    } catch (IOException e) {
      NamedFailures.requireNamed(e, file);
    }
  }
}
