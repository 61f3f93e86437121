package org.archbench.harness.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

/** Cui et al.'s class-balanced weights and the weighted cross-entropy, against hand computations. */
class ClassBalancedLossTest {

  @Test
  void weightsFollowTheEffectiveNumberAndSumToTheClassCount() {
    // beta 0.5: effective numbers (1 - 0.5^n) / 0.5 are 1 and 1.75 for n = 1 and 3; inverses 1 and
    // 4/7, scaled to sum to 2: 14/11 and 8/11.
    assertArrayEquals(new float[] {14f / 11, 8f / 11},
        ClassBalancedWeights.of(new int[] {1, 3}, 0.5), 1e-6f);
  }

  @Test
  void betaZeroWeighsEveryClassAlike() {
    assertArrayEquals(new float[] {1, 1, 1}, ClassBalancedWeights.of(new int[] {5, 50, 500}, 0), 0);
  }

  @Test
  void betaCloseToOneApproachesInverseFrequency() {
    float[] weights = ClassBalancedWeights.of(new int[] {5400, 54}, 0.9999);
    // (1 - 0.9999^5400) / (1 - 0.9999^54) = 77.48
    assertEquals(77.48, weights[1] / weights[0], 0.01);
  }

  @Test
  void anEmptyClassIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ClassBalancedWeights.of(new int[] {10, 0}, 0.9999));
    assertEquals("expected every class to have training images for class-balanced weights, found 0"
        + " in class 1", error.getMessage());
  }

  @Test
  void weightedCrossEntropyScalesEachImagesLossByItsClassWeight() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      NDArray logits = manager.create(new float[] {2, 0, 0, 1}, new ai.djl.ndarray.types.Shape(2, 2));
      NDArray labels = manager.create(new long[] {0, 1});
      // CE of image 0: log(1 + e^-2); of image 1: log(1 + e^-1).
      double first = Math.log1p(Math.exp(-2));
      double second = Math.log1p(Math.exp(-1));

      float weighted = new ClassWeightedCrossEntropyLoss(new float[] {3, 0.5f})
          .evaluate(new NDList(labels), new NDList(logits)).getFloat();
      float unit = new ClassWeightedCrossEntropyLoss(new float[] {1, 1})
          .evaluate(new NDList(labels), new NDList(logits)).getFloat();
      float djl = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits))
          .getFloat();

      assertEquals((3 * first + 0.5 * second) / 2, weighted, 1e-6);
      assertEquals(djl, unit, 1e-6, "with unit weights it is the plain cross-entropy");
    }
  }
}
