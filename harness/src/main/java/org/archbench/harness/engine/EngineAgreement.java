package org.archbench.harness.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.archbench.harness.data.LabeledImages;

/**
 * Runs one model on several engines over a whole labelled set and compares them: each engine's
 * accuracy, the share of images on which every engine predicts the same class, and the largest
 * logit difference between any engine and the first.
 */
public final class EngineAgreement {

  private static final int BATCH = 500;

  private EngineAgreement() {}

  /**
   * One engine's result on the set.
   *
   * @param engine the engine
   * @param version the engine library's version
   * @param accuracy share of images classified correctly
   */
  public record EngineAccuracy(EngineKind engine, String version, double accuracy) {}

  /**
   * @param engines each engine's accuracy, in the order run
   * @param agreement share of images on which all engines predict the same class
   * @param maxLogitDifference largest |logit difference| between any engine and the first
   * @param images how many images were compared
   */
  public record Report(
      List<EngineAccuracy> engines, double agreement, double maxLogitDifference, int images) {}

  /** Measures {@code engines} on {@code images}, one engine loaded at a time. */
  public static Report measure(
      ModelFiles files, List<EngineKind> engines, EngineSettings settings, LabeledImages images)
      throws IOException {
    int classes = files.spec().classes();
    List<EngineAccuracy> accuracies = new ArrayList<>();
    float[] reference = null;
    int[] referencePredictions = null;
    boolean[] disagree = new boolean[images.count()];
    double maxDifference = 0;
    for (EngineKind kind : engines) {
      float[] logits = logits(kind, files, settings, images, classes);
      int[] predictions = argmax(logits, classes);
      int correct = 0;
      for (int i = 0; i < predictions.length; i++) {
        correct += predictions[i] == images.label(i) ? 1 : 0;
      }
      if (reference == null) {
        reference = logits;
        referencePredictions = predictions;
      } else {
        for (int i = 0; i < logits.length; i++) {
          maxDifference = Math.max(maxDifference, Math.abs(logits[i] - reference[i]));
        }
        for (int i = 0; i < predictions.length; i++) {
          disagree[i] |= predictions[i] != referencePredictions[i];
        }
      }
      String version;
      try (InferenceEngine engine = InferenceEngines.open(kind, files, settings)) {
        version = engine.version();
      }
      accuracies.add(new EngineAccuracy(kind, version, (double) correct / images.count()));
    }
    int agreeing = 0;
    for (boolean disagreement : disagree) {
      agreeing += disagreement ? 0 : 1;
    }
    return new Report(accuracies, (double) agreeing / images.count(), maxDifference, images.count());
  }

  private static float[] logits(
      EngineKind kind, ModelFiles files, EngineSettings settings, LabeledImages images, int classes)
      throws IOException {
    float[] all = new float[images.count() * classes];
    float[] batchLogits = new float[BATCH * classes];
    ImageBatch batch = ImageBatch.allocate(BATCH, images.pixelsPerImage());
    try (InferenceEngine engine = InferenceEngines.open(kind, files, settings)) {
      for (int from = 0; from < images.count(); from += BATCH) {
        int count = Math.min(BATCH, images.count() - from);
        engine.run(batch.fill(images, from, count), batchLogits);
        System.arraycopy(batchLogits, 0, all, from * classes, count * classes);
      }
    }
    return all;
  }

  private static int[] argmax(float[] logits, int classes) {
    int[] predictions = new int[logits.length / classes];
    for (int i = 0; i < predictions.length; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logits[i * classes + c] > logits[i * classes + best]) {
          best = c;
        }
      }
      predictions[i] = best;
    }
    return predictions;
  }
}
