package org.archbench.harness.engine;

import java.util.List;
import org.archbench.harness.data.LabeledImages;
import org.archbench.schema.eval.EngineAgreement;

/**
 * Whole image sets through an engine in batches, and what the logits say: how many are right, and
 * how far several engines agree.
 */
public final class BatchedInference {

  private static final int BATCH = 500;

  private BatchedInference() {}

  /** Runs every image of {@code images} through {@code engine}; the logits, row-major. */
  public static float[] logits(InferenceEngine engine, LabeledImages images, int classes) {
    float[] all = new float[images.count() * classes];
    float[] batchLogits = new float[BATCH * classes];
    ImageBatch batch = ImageBatch.allocate(BATCH, images.pixelsPerImage());
    for (int from = 0; from < images.count(); from += BATCH) {
      int count = Math.min(BATCH, images.count() - from);
      engine.run(batch.fill(images, from, count), batchLogits);
      System.arraycopy(batchLogits, 0, all, from * classes, count * classes);
    }
    return all;
  }

  /** How many images of {@code images} the logits classify as labelled. */
  public static int correct(float[] logits, LabeledImages images, int classes) {
    int correct = 0;
    for (int i = 0; i < images.count(); i++) {
      correct += argmax(logits, i, classes) == images.label(i) ? 1 : 0;
    }
    return correct;
  }

  /** Compares the engines' logits, {@code classes} per image, row-major, one array per engine. */
  public static EngineAgreement agreement(List<float[]> logitsPerEngine, int classes) {
    float[] reference = logitsPerEngine.get(0);
    int images = reference.length / classes;
    double maxDifference = 0;
    int agreeing = 0;
    for (int image = 0; image < images; image++) {
      int expected = argmax(reference, image, classes);
      boolean agree = true;
      for (float[] logits : logitsPerEngine.subList(1, logitsPerEngine.size())) {
        agree &= argmax(logits, image, classes) == expected;
        for (int c = 0; c < classes; c++) {
          int at = image * classes + c;
          maxDifference = Math.max(maxDifference, Math.abs(logits[at] - reference[at]));
        }
      }
      agreeing += agree ? 1 : 0;
    }
    return new EngineAgreement((double) agreeing / images, maxDifference, images);
  }

  /** The index of the largest of the {@code classes} logits of image {@code image}. */
  public static int argmax(float[] logits, int image, int classes) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (logits[image * classes + c] > logits[image * classes + best]) {
        best = c;
      }
    }
    return best;
  }
}
