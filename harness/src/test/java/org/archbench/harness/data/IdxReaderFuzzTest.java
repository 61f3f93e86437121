package org.archbench.harness.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.schema.fuzz.NamedFailures;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a dataset file, raw or gzip-compressed: the reader returns an array or fails with an
 * {@link IdxFormatException} naming the file, in bounded time and memory.
 *
 * <p>{@code mvn verify} replays the inputs in {@code IdxReaderFuzzTestInputs/idxFile} (real label
 * and image files, raw and compressed, and what fuzzing found); {@code JAZZER_FUZZ=1} fuzzes it.
 */
class IdxReaderFuzzTest {

  @TempDir static Path dir;

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void idxFile(byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("fuzzed-idx3-ubyte"), content);
    for (int rank : new int[] {1, 3}) {
      try {
        IdxReader.read(file, rank);
      } catch (IOException e) {
        NamedFailures.requireNamed(e, file);
      }
    }
  }
}
