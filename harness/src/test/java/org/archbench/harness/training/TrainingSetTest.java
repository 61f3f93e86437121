package org.archbench.harness.training;

import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.ImbalanceProfile;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.Mitigation;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.Transfer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.archbench.harness.Seeds;
import org.archbench.harness.data.LabeledImages;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

  /** 1,000 one-pixel images, label i % 10: 100 per class. */
  private static final LabeledImages IMAGES = images(1000);
  private static final int[] ALL = range(1000);

  @Test
  void balancedKeepsEveryImageAndShufflesAsBefore() {
    TrainingSet set = TrainingSet.of(IMAGES, ALL, 10, config(LongTail.BALANCED, 0));

    assertArrayEquals(ALL, set.indices());
    assertEquals(1000, set.epochSize());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, set.tailOrder());
    int[] expected = ALL.clone();
    Seeds.shuffle(expected, new Random(5));
    assertArrayEquals(expected, set.epochOrder(new Random(5)));
  }

  @Test
  void exponentialTailKeepsTheProfilesCountsInTheSeededClassOrder() {
    ImbalanceProfile profile = new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 10);
    TrainingSet set =
        TrainingSet.of(IMAGES, ALL, 10, config(LongTail.of(profile, Mitigation.NONE), 0));

    int[] counts = set.classCounts();
    int[] expected = profile.counts(100, 10);
    int[] order = set.tailOrder();
    for (int rank = 0; rank < 10; rank++) {
      assertEquals(expected[rank], counts[order[rank]], "tail rank " + rank);
    }
    assertEquals(Arrays.stream(expected).sum(), set.indices().length);
    assertNotEquals(Arrays.toString(range(10)), Arrays.toString(order), "the order is a permutation");
    assertArrayEquals(order, TrainingSet.of(IMAGES, ALL, 10,
        config(LongTail.of(profile, Mitigation.NONE), 0)).tailOrder(), "and seeded");
    assertArrayEquals(set.indices(), TrainingSet.of(IMAGES, ALL, 10,
        config(LongTail.of(profile, Mitigation.REWEIGHT), 0)).indices(),
        "the mitigation does not change which images are kept");
  }

  @Test
  void oversamplingFillsEveryClassUpToTheLargestEachEpoch() {
    ImbalanceProfile profile = new ImbalanceProfile(ImbalanceProfile.Shape.STEP, 10);
    TrainingSet set =
        TrainingSet.of(IMAGES, ALL, 10, config(LongTail.of(profile, Mitigation.OVERSAMPLE), 0));

    assertEquals(550, set.indices().length);
    assertEquals(1000, set.epochSize());
    int[] order = set.epochOrder(new Random(1));
    assertEquals(1000, order.length);
    int[] perClass = new int[10];
    for (int index : order) {
      perClass[IMAGES.label(index)]++;
    }
    int[] hundreds = new int[10];
    Arrays.fill(hundreds, 100);
    assertArrayEquals(hundreds, perClass);
    assertTrue(Arrays.stream(order).allMatch(index -> Arrays.binarySearch(set.indices(), index) >= 0),
        "only kept images are repeated");
  }

  @Test
  void limitDrawsBeforeTheTail() {
    TrainingSet set = TrainingSet.of(IMAGES, ALL, 10, config(LongTail.BALANCED, 300));

    assertEquals(300, set.indices().length);
    assertTrue(Arrays.stream(set.classCounts()).allMatch(count -> count > 0));
  }

  @Test
  void aTailThatEmptiesAClassIsRefused() {
    LongTail steep =
        LongTail.of(new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 1000), Mitigation.NONE);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TrainingSet.of(IMAGES, ALL, 10, config(steep, 0)));

    assertTrue(error.getMessage().startsWith("long tail exp-rho1000: expected at least one"
        + " training image in every class, found none left for class"), error.getMessage());
  }

  @Test
  void aLimitAboveTheSplitTrainsOnAllOfItAndSaysSo() {
    TrainingSet all = TrainingSet.of(IMAGES, ALL, 10, config(LongTail.BALANCED, ALL.length + 1));

    assertEquals(ALL.length, Arrays.stream(all.classCounts()).sum());
    assertEquals(java.util.Optional.of("--limit 1,001 is more than the 1,000 images of the training"
        + " split: training on all 1,000 (the training report records it)"),
        TrainingSet.limitBeyondTheSplit(1001, 1000));
    assertEquals(java.util.Optional.empty(), TrainingSet.limitBeyondTheSplit(1000, 1000));
  }

  @Test
  void aLabelBudgetKeepsASeededDrawOfThatManyImagesOfEachClass() {
    TrainingConfig budgeted = config(LongTail.BALANCED, 0).forTask(1,
        ClassSubset.ALL.withImagesPerClass(7), Transfer.NONE);

    TrainingSet set = TrainingSet.of(IMAGES, ALL, 10, budgeted);

    assertArrayEquals(new int[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, set.classCounts());
    assertArrayEquals(set.indices(), TrainingSet.of(IMAGES, ALL, 10, budgeted).indices(), "seeded");
    assertNotEquals(Arrays.toString(set.indices()), Arrays.toString(TrainingSet.of(IMAGES, ALL, 10,
        budgeted.withSeed(12)).indices()), "a draw, not the first images");
    assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100},
        TrainingSet.of(IMAGES, ALL, 10, budgeted.forTask(1,
            ClassSubset.ALL.withImagesPerClass(500), Transfer.NONE)).classCounts(),
        "a class with fewer keeps all of its images");
  }

  private static TrainingConfig config(LongTail longTail, int limit) {
    return new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
        LearningRateSchedule.COSINE, Augmentation.NONE, limit, 11, ComputeDevice.CPU, Transfer.NONE,
        longTail, ClassSubset.ALL);
  }

  private static LabeledImages images(int count) {
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 10);
    }
    return new LabeledImages(count, 1, 1, new float[count], labels);
  }

  private static int[] range(int n) {
    int[] values = new int[n];
    Arrays.setAll(values, i -> i);
    return values;
  }
}
