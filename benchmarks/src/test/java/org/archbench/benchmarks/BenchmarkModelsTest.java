package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.archbench.harness.data.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forks' cached input images: used when sound, rebuilt when damaged. */
class BenchmarkModelsTest {

  @TempDir Path jmh;

  @Test
  void aSoundCacheIsReadAndADamagedOneIsToBeRebuilt() throws IOException {
    Path file = jmh.resolve("inputs-idx3-ubyte.gz");
    float[] pixels = new float[3 * 28 * 28];
    Arrays.fill(pixels, 0.5f);
    IdxWriter.writeImages(file, pixels, 3, 28, 28);

    assertArrayEquals(new int[] {3, 28, 28}, BenchmarkModels.readCachedInputs(file).dimensions());

    byte[] written = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(written, written.length / 2));
    assertNull(BenchmarkModels.readCachedInputs(file), "a truncated cache is written again");
    assertNull(BenchmarkModels.readCachedInputs(jmh.resolve("absent")));
  }
}
