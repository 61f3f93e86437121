package org.archbench.harness.evaluation;

import java.io.IOException;
import java.util.Arrays;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.BatchedInference;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.study.TestAccuracy;

/**
 * One model's predicted class for every image of a test set, beside the true one: what the studies
 * that train further models measure them by.
 *
 * @param labels the true class of each image
 * @param predicted the model's class of each image (the largest logit)
 * @param classes the number of classes
 */
public record TestPredictions(int[] labels, int[] predicted, int classes) {

  /** The 95% of every interval the studies give. */
  private static final double CONFIDENCE = 0.95;

  /** Runs every image of {@code test} through the model in {@code files} on {@code engine}. */
  public static TestPredictions of(EngineKind engine, ModelFiles files, EngineSettings settings,
      LabeledImages test) throws IOException {
    int classes = files.spec().classes();
    float[] logits;
    try (InferenceEngine opened = engine.open(files, settings)) {
      logits = BatchedInference.logits(opened, test, classes);
    }
    int[] predicted = new int[test.count()];
    Arrays.setAll(predicted, i -> BatchedInference.argmax(logits, i, classes));
    return of(test, predicted, classes);
  }

  /** {@code predicted}, the class predicted for each image of {@code test}, beside the true one. */
  public static TestPredictions of(LabeledImages test, int[] predicted, int classes) {
    int[] labels = new int[test.count()];
    Arrays.setAll(labels, test::label);
    return new TestPredictions(labels, predicted, classes);
  }

  /** Whether each image was classified correctly: McNemar's input. */
  public boolean[] correct() {
    boolean[] correct = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      correct[i] = labels[i] == predicted[i];
    }
    return correct;
  }

  public ConfusionMatrix matrix() {
    return ConfusionMatrix.of(labels, predicted, classes);
  }

  /** The accuracy with its 95% Wilson interval. */
  public TestAccuracy accuracy() {
    ConfusionMatrix matrix = matrix();
    Wilson.Interval interval = Wilson.interval(matrix.correct(), matrix.total(), CONFIDENCE);
    return new TestAccuracy(matrix.accuracy(), interval.lower(), interval.upper(), labels.length);
  }
}
