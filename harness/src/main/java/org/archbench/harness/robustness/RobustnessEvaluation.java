package org.archbench.harness.robustness;

import org.archbench.harness.engine.BatchedInference;
import org.archbench.schema.robustness.RobustnessReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.archbench.harness.data.LabeledImages;
import org.archbench.schema.eval.EngineAgreement;
import org.archbench.harness.engine.InferenceEngine;

/** Measures one engine's accuracy on the clean test set and on every corrupted copy of it. */
public final class RobustnessEvaluation {

  private RobustnessEvaluation() {}

  /** Accuracy of {@code engine} on {@code pixels}, images labelled as {@code test}'s. */
  public static double accuracy(InferenceEngine engine, float[] pixels, LabeledImages test, int classes) {
    LabeledImages images =
        new LabeledImages(test.count(), test.rows(), test.cols(), pixels, test.labels());
    return (double) BatchedInference.correct(BatchedInference.logits(engine, images, classes), images, classes)
        / images.count();
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
