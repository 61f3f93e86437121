package org.archbench.harness.robustness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.ImageBatch;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.evaluation.ProbabilisticMetrics;

/** Measures one engine's accuracy on the clean test set and on every corrupted copy of it. */
public final class RobustnessEvaluation {

  private static final int BATCH = 500;

  private RobustnessEvaluation() {}

  /** Accuracy of {@code engine} on {@code pixels}, images labelled as {@code test}'s. */
  public static double accuracy(InferenceEngine engine, float[] pixels, LabeledImages test, int classes) {
    int perImage = test.pixelsPerImage();
    ImageBatch batch = ImageBatch.allocate(BATCH, perImage);
    float[] logits = new float[BATCH * classes];
    float[] slice = new float[BATCH * perImage];
    int correct = 0;
    for (int from = 0; from < test.count(); from += BATCH) {
      int count = Math.min(BATCH, test.count() - from);
      System.arraycopy(pixels, from * perImage, slice, 0, count * perImage);
      engine.run(batch.fill(slice, count), logits);
      for (int i = 0; i < count; i++) {
        correct += ProbabilisticMetrics.argmax(logits, i, classes) == test.label(from + i) ? 1 : 0;
      }
    }
    return (double) correct / test.count();
  }

  /** Accuracy under every condition, in {@link CorruptedTestSets.Condition#all()} order. */
  public static List<RobustnessReport.ConditionAccuracy> underEveryCorruption(
      InferenceEngine engine, CorruptedTestSets sets, LabeledImages test, int classes)
      throws IOException {
    List<RobustnessReport.ConditionAccuracy> accuracies = new ArrayList<>();
    for (CorruptedTestSets.Condition condition : CorruptedTestSets.Condition.all()) {
      accuracies.add(new RobustnessReport.ConditionAccuracy(condition.corruption().id(),
          condition.severity(), condition.corruption().level(condition.severity()),
          accuracy(engine, sets.images(condition), test, classes)));
    }
    return accuracies;
  }
}
