package org.archbench.harness.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.harness.data.LabeledImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptedTestSetsTest {

  @TempDir Path directory;

  private static LabeledImages test() {
    float[] pixels = new float[5 * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i % 29) / 28f;
    }
    return new LabeledImages(5, 28, 28, pixels, new byte[] {0, 1, 2, 3, 4});
  }

  @Test
  void aSetIsWrittenOnceThenReadBack() throws IOException {
    CorruptedTestSets sets = new CorruptedTestSets(directory, test(), 42);
    CorruptedTestSets.Condition condition =
        new CorruptedTestSets.Condition(Corruption.GAUSSIAN_NOISE, 2);

    float[] first = sets.images(condition);
    long written = Files.getLastModifiedTime(sets.file(condition)).toMillis();
    float[] again = new CorruptedTestSets(directory, test(), 42).images(condition);

    assertArrayEquals(first, again);
    assertEquals(written, Files.getLastModifiedTime(sets.file(condition)).toMillis());
    assertEquals(5 * 784, first.length);
    assertTrue(sets.file(condition).getFileName().toString().equals("gaussian_noise-2-images-idx3-ubyte.gz"));
  }

  @Test
  void storedImagesAreTheCorruptionQuantisedToBytes() throws IOException {
    LabeledImages test = test();
    CorruptedTestSets sets = new CorruptedTestSets(directory, test, 42);

    float[] stored = sets.images(new CorruptedTestSets.Condition(Corruption.INVERSE, 1));

    for (int i = 0; i < stored.length; i++) {
      assertEquals(1 - test.pixels()[i], stored[i], 0.5 / 255 + 1e-6);
    }
  }

  @Test
  void everyConditionIsListed() {
    // 14 corruptions x 5 severities + inverse + horizontal flip
    assertEquals(14 * 5 + 2, CorruptedTestSets.Condition.all().size());
  }
}
