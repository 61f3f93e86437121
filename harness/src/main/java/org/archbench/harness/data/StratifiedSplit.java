package org.archbench.harness.data;

import java.util.Arrays;
import java.util.Random;
import org.archbench.harness.Seeds;

/**
 * A seeded, stratified split of a labelled set into training and validation indices: each class
 * contributes the same share to validation (rounded to the nearest image), so the 60,000 official
 * training images of Fashion-MNIST give 54,000 / 6,000 with 5,400 / 600 per class.
 *
 * <p>Which images of a class go to validation is a seeded shuffle with {@link java.util.Random},
 * whose algorithm the Java specification fixes: the same seed gives the same split on every JVM.
 * Both index arrays are sorted ascending; shuffling for training is the trainer's job.
 *
 * @param trainIndices indices into the labelled set, ascending
 * @param validationIndices indices into the labelled set, ascending, disjoint from the training ones
 */
public record StratifiedSplit(int[] trainIndices, int[] validationIndices) {

  public StratifiedSplit {
    trainIndices = trainIndices.clone();
    validationIndices = validationIndices.clone();
  }

  /**
   * Splits {@code images} so that {@code validationFraction} of each class is held out.
   *
   * @param images the labelled set to split
   * @param classCount the number of classes; every label must be below it
   * @param validationFraction the share of each class held out, in (0, 1)
   * @param seed the seed of the shuffle
   */
  public static StratifiedSplit of(
      LabeledImages images, int classCount, double validationFraction, long seed) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "expected a validation fraction strictly between 0 and 1, found " + validationFraction);
    }
    int[][] byClass = indicesByClass(images, classCount);
    Random random = new Random(seed);
    int validationSize = 0;
    int[] heldOut = new int[classCount];
    for (int c = 0; c < classCount; c++) {
      Seeds.shuffle(byClass[c], random);
      heldOut[c] = (int) Math.round(byClass[c].length * validationFraction);
      validationSize += heldOut[c];
    }
    int[] train = new int[images.count() - validationSize];
    int[] validation = new int[validationSize];
    int trainAt = 0;
    int validationAt = 0;
    for (int c = 0; c < classCount; c++) {
      int[] members = byClass[c];
      System.arraycopy(members, 0, validation, validationAt, heldOut[c]);
      System.arraycopy(members, heldOut[c], train, trainAt, members.length - heldOut[c]);
      validationAt += heldOut[c];
      trainAt += members.length - heldOut[c];
    }
    Arrays.sort(train);
    Arrays.sort(validation);
    return new StratifiedSplit(train, validation);
  }

  @Override
  public int[] trainIndices() {
    return trainIndices.clone();
  }

  @Override
  public int[] validationIndices() {
    return validationIndices.clone();
  }

  public int trainSize() {
    return trainIndices.length;
  }

  public int validationSize() {
    return validationIndices.length;
  }

  private static int[][] indicesByClass(LabeledImages images, int classCount) {
    int[] counts = new int[classCount];
    for (int i = 0; i < images.count(); i++) {
      int label = images.label(i);
      if (label >= classCount) {
        throw new IllegalArgumentException(
            "expected labels below " + classCount + ", found " + label + " at index " + i);
      }
      counts[label]++;
    }
    int[][] byClass = new int[classCount][];
    for (int c = 0; c < classCount; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] filled = new int[classCount];
    for (int i = 0; i < images.count(); i++) {
      int label = images.label(i);
      byClass[label][filled[label]++] = i;
    }
    return byClass;
  }
}
