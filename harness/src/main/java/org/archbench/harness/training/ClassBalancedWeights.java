package org.archbench.harness.training;

/**
 * Per-class loss weights from the effective number of samples (Cui et al., "Class-Balanced Loss
 * Based on Effective Number of Samples", CVPR 2019): w_c proportional to (1 - beta) / (1 - beta^n_c),
 * scaled so that the weights sum to the number of classes, which keeps the loss on the scale of the
 * unweighted one.
 */
public final class ClassBalancedWeights {

  private ClassBalancedWeights() {}

  /**
   * The weights for {@code counts} images per class.
   *
   * @throws IllegalArgumentException if a class has no images, since its weight would be infinite
   */
  public static float[] of(int[] counts, double beta) {
    double[] raw = new double[counts.length];
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] <= 0) {
        throw new IllegalArgumentException(
            "expected every class to have training images for class-balanced weights, found "
                + counts[c] + " in class " + c);
      }
      // 1 - beta^n computed as -expm1(n log beta), which stays exact when beta is close to 1.
      double effectiveNumber = -Math.expm1(counts[c] * Math.log(beta)) / (1 - beta);
      raw[c] = beta == 0 ? 1 : 1 / effectiveNumber;
      sum += raw[c];
    }
    float[] weights = new float[counts.length];
    for (int c = 0; c < counts.length; c++) {
      weights[c] = (float) (raw[c] * counts.length / sum);
    }
    return weights;
  }
}
