package org.archbench.harness.evaluation;

import org.archbench.harness.engine.BatchedInference;
import org.archbench.schema.eval.VariantComparison;

/** Compares a derived variant's predictions with the float32 model's, image by image. */
final class VariantComparisons {

  private VariantComparisons() {}

  /**
   * The comparison of {@code variantLogits} with {@code float32Logits} on the images {@code labels}
   * names, both from {@code engine}.
   */
  static VariantComparison of(String variant, String engine, float[] float32Logits,
      float[] variantLogits, int[] labels, long onnxBytes, long float32OnnxBytes) {
    int classes = float32Logits.length / labels.length;
    long both = 0;
    long float32Only = 0;
    long variantOnly = 0;
    long neither = 0;
    long agreeing = 0;
    for (int image = 0; image < labels.length; image++) {
      int float32 = BatchedInference.argmax(float32Logits, image, classes);
      int derived = BatchedInference.argmax(variantLogits, image, classes);
      boolean float32Right = float32 == labels[image];
      boolean variantRight = derived == labels[image];
      agreeing += float32 == derived ? 1 : 0;
      if (float32Right && variantRight) {
        both++;
      } else if (float32Right) {
        float32Only++;
      } else if (variantRight) {
        variantOnly++;
      } else {
        neither++;
      }
    }
    PairedDifference.Interval drop = PairedDifference.of(both, float32Only, variantOnly, neither);
    McNemar.Result mcnemar = McNemar.test(float32Only, variantOnly);
    return new VariantComparison(variant, engine, labels.length, (double) agreeing / labels.length,
        drop.difference(), drop.lower(), drop.upper(), float32Only, variantOnly, mcnemar.pValue(),
        mcnemar.method(), onnxBytes, float32OnnxBytes);
  }
}
