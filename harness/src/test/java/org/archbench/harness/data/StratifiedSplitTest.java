package org.archbench.harness.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

  /** 1,000 images, 100 per class, labels interleaved as in the real files. */
  private static LabeledImages balanced() {
    byte[] labels = new byte[1000];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (byte) ((i * 7) % 10);
    }
    return new LabeledImages(labels.length, 1, 1, new float[labels.length], labels);
  }

  @Test
  void holdsOutTheSameShareOfEveryClass() {
    LabeledImages images = balanced();

    StratifiedSplit split = StratifiedSplit.of(images, 10, 0.1, 42);

    assertEquals(900, split.trainSize());
    assertEquals(100, split.validationSize());
    int[] validationCounts = new int[10];
    for (int index : split.validationIndices()) {
      validationCounts[images.label(index)]++;
    }
    int[] expected = new int[10];
    Arrays.fill(expected, 10);
    assertArrayEquals(expected, validationCounts);
  }

  @Test
  void partitionsEveryIndexExactlyOnce() {
    StratifiedSplit split = StratifiedSplit.of(balanced(), 10, 0.1, 42);

    int[] all = IntStream.concat(
        Arrays.stream(split.trainIndices()), Arrays.stream(split.validationIndices()))
        .sorted()
        .toArray();

    assertArrayEquals(IntStream.range(0, 1000).toArray(), all);
  }

  @Test
  void roundsEachClassToTheNearestImage() {
    byte[] labels = new byte[30];
    Arrays.fill(labels, 0, 25, (byte) 0);
    Arrays.fill(labels, 25, 30, (byte) 1);
    LabeledImages images = new LabeledImages(30, 1, 1, new float[30], labels);

    StratifiedSplit split = StratifiedSplit.of(images, 2, 0.1, 1);

    // round(25 * 0.1) = 3 (2.5 rounds up), round(5 * 0.1) = 1 (0.5 rounds up)
    assertEquals(4, split.validationSize());
    assertEquals(3, Arrays.stream(split.validationIndices()).filter(i -> i < 25).count());
  }

  @Test
  void sameSeedGivesTheSameIndices() {
    StratifiedSplit first = StratifiedSplit.of(balanced(), 10, 0.1, 42);
    StratifiedSplit second = StratifiedSplit.of(balanced(), 10, 0.1, 42);

    assertArrayEquals(first.validationIndices(), second.validationIndices());
    assertArrayEquals(first.trainIndices(), second.trainIndices());
  }

  @Test
  void otherSeedGivesOtherIndices() {
    StratifiedSplit first = StratifiedSplit.of(balanced(), 10, 0.1, 42);
    StratifiedSplit other = StratifiedSplit.of(balanced(), 10, 0.1, 43);

    assertFalse(Arrays.equals(first.validationIndices(), other.validationIndices()));
  }

  @Test
  void indicesAreSortedAscending() {
    int[] train = StratifiedSplit.of(balanced(), 10, 0.1, 7).trainIndices();

    assertArrayEquals(IntStream.of(train).sorted().toArray(), train);
  }

  @Test
  void rejectsAFractionOutsideTheOpenUnitInterval() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(balanced(), 10, 1.0, 1));

    assertEquals("expected a validation fraction strictly between 0 and 1, found 1.0",
        error.getMessage());
  }

  @Test
  void rejectsALabelBeyondTheClassCount() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(balanced(), 5, 0.1, 1));

    assertEquals("expected labels below 5, found 7 at index 1", error.getMessage());
  }
}
