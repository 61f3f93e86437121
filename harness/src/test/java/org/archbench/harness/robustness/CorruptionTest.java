package org.archbench.harness.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptionTest {

  /** A 28x28 test image: a bright 10x8 block on a dim, textured background. */
  private static float[] image() {
    float[] image = new float[784];
    Random random = new Random(5);
    for (int i = 0; i < image.length; i++) {
      image[i] = 0.1f + 0.1f * random.nextFloat();
    }
    for (int y = 9; y < 19; y++) {
      for (int x = 10; x < 18; x++) {
        image[y * 28 + x] = 0.9f;
      }
    }
    return image;
  }

  private static final float[] TINY = {0f, 0.25f, 0.5f, 1f};

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void everySeverityStaysInTheUnitIntervalAndRepeatsUnderItsSeed(Corruption corruption) {
    float[] original = image();
    for (int severity = 1; severity <= corruption.severities(); severity++) {
      float[] first = corruption.apply(original, 28, 28, severity, 99);
      float[] again = corruption.apply(original, 28, 28, severity, 99);
      assertArrayEquals(first, again, corruption.id() + " " + severity);
      for (float value : first) {
        assertTrue(value >= 0 && value <= 1, corruption.id() + " gave " + value);
      }
      assertFalse(Arrays.equals(original, first), corruption.id() + " " + severity + " changed nothing");
    }
    assertArrayEquals(image(), original, "the input is left as it was");
  }

  @Test
  void randomCorruptionsDependOnTheSeed() {
    for (Corruption corruption : EnumSet.of(Corruption.GAUSSIAN_NOISE, Corruption.SHOT_NOISE,
        Corruption.IMPULSE_NOISE, Corruption.SPECKLE_NOISE)) {
      assertNotEquals(Arrays.toString(corruption.apply(image(), 28, 28, 3, 1)),
          Arrays.toString(corruption.apply(image(), 28, 28, 3, 2)), corruption.id());
    }
  }

  @Test
  void inverseFlipsEveryPixel() {
    assertArrayEquals(new float[] {1f, 0.75f, 0.5f, 0f}, Corruption.INVERSE.apply(TINY, 2, 2, 1, 0));
  }

  @Test
  void horizontalFlipMirrorsEachRow() {
    assertArrayEquals(new float[] {0.25f, 0f, 1f, 0.5f},
        Corruption.HORIZONTAL_FLIP.apply(TINY, 2, 2, 1, 0));
  }

  @Test
  void contrastPullsTowardsTheMean() {
    // mean 0.4375; severity 1 keeps 0.4 of each deviation
    float[] out = Corruption.CONTRAST.apply(TINY, 2, 2, 1, 0);
    assertArrayEquals(new float[] {0.2625f, 0.3625f, 0.4625f, 0.6625f}, out, 1e-6f);
  }

  @Test
  void brightnessAddsAndClips() {
    // severity 5 adds 0.5
    assertArrayEquals(new float[] {0.5f, 0.75f, 1f, 1f}, Corruption.BRIGHTNESS.apply(TINY, 2, 2, 5, 0));
  }

  @Test
  void translateShiftsWholePixelsAndFillsWithBlack() {
    float[] dot = new float[25];
    dot[12] = 1f; // the centre of 5x5
    float[] out = Corruption.TRANSLATE.apply(dot, 5, 5, 2, 7);

    assertEquals(1, countOf(out, 1f), "the dot moved whole");
    int moved = indexOf(out, 1f);
    int dx = moved % 5 - 2;
    int dy = moved / 5 - 2;
    assertEquals(2, Math.abs(dx) + Math.abs(dy), "moved 2 pixels along one axis");
    assertTrue(dx == 0 || dy == 0);
  }

  @Test
  void pixelateAveragesBlocks() {
    // 4x4 at share 0.5: 2x2 blocks averaged
    float[] image = {
      0, 1, 0, 0,
      1, 0, 0, 0,
      0, 0, 1, 1,
      0, 0, 1, 1
    };
    float[] out = Corruption.PIXELATE.apply(image, 4, 4, 2, 0);
    assertArrayEquals(new float[] {
      0.5f, 0.5f, 0, 0,
      0.5f, 0.5f, 0, 0,
      0, 0, 1, 1,
      0, 0, 1, 1}, out, 1e-6f);
  }

  @Test
  void gaussianBlurKeepsAUniformImageAndSpreadsADot() {
    float[] flat = new float[784];
    Arrays.fill(flat, 0.3f);
    assertArrayEquals(flat, Corruption.GAUSSIAN_BLUR.apply(flat, 28, 28, 2, 0), 1e-6f);

    float[] dot = new float[784];
    dot[14 * 28 + 14] = 1f;
    float[] blurred = Corruption.GAUSSIAN_BLUR.apply(dot, 28, 28, 1, 0);
    // sigma 1, radius 3: the centre keeps (1 / (1 + 2 (e^-1/2 + e^-2 + e^-9/2)))^2 of the mass
    double kernelSum = 1 + 2 * (Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5));
    assertEquals(Math.pow(1 / kernelSum, 2), blurred[14 * 28 + 14], 1e-6);
    assertEquals(1.0, sum(blurred), 1e-4);
  }

  @Test
  void unknownCorruptionAndSeverityAreRejected() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> Corruption.byId("fog"));
    assertTrue(unknown.getMessage().startsWith("expected one of the corruptions gaussian_noise,"),
        unknown.getMessage());
    assertTrue(unknown.getMessage().endsWith(", found 'fog'"), unknown.getMessage());

    IllegalArgumentException severity = assertThrows(IllegalArgumentException.class,
        () -> Corruption.JPEG.apply(image(), 28, 28, 6, 0));
    assertEquals("jpeg: expected a severity from 1 to 5, found 6", severity.getMessage());

    IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
        () -> Corruption.INVERSE.apply(image(), 28, 28, 2, 0));
    assertEquals("inverse: expected a severity from 1 to 1, found 2", single.getMessage());
  }

  private static double sum(float[] values) {
    double total = 0;
    for (float value : values) {
      total += value;
    }
    return total;
  }

  private static int countOf(float[] values, float wanted) {
    int count = 0;
    for (float value : values) {
      count += value == wanted ? 1 : 0;
    }
    return count;
  }

  private static int indexOf(float[] values, float wanted) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
