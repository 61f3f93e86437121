package org.archbench.schema.eval;

import java.util.Arrays;
import java.util.List;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.MayBeAbsent;

/**
 * One engine's results on the test set, as written in eval/&lt;arch&gt;.json.
 *
 * @param engine the engine id
 * @param variant the model variant's id; results written before variants were recorded are of the
 *     float32 model
 * @param version the engine library's version
 * @param settings how the engine ran
 * @param images test images evaluated
 * @param accuracy share classified correctly
 * @param accuracyLower95 lower bound of the 95% Wilson interval of the accuracy
 * @param accuracyUpper95 upper bound of that interval
 * @param macroF1 unweighted mean of the per-class F1 scores
 * @param negativeLogLikelihood mean -log p(true class)
 * @param expectedCalibrationError ECE over 15 equal-width confidence bins
 * @param brierScore mean squared distance of the probabilities to the one-hot label
 * @param perClass precision, recall and F1 of each class
 * @param confusionMatrix counts, rows the true class, columns the prediction
 * @param commonMixUps the pairs of classes most often taken for each other
 * @param predictionsFile the CSV of every image's prediction, relative to the output directory
 * @param model the model file the engine loaded, with its hash when evaluated; null in results
 *     written before it was recorded ("not recorded": they cannot be checked against the model)
 * @param predictionsSha256 the SHA-256 of {@code predictionsFile} as written with these results, so
 *     that predictions written without them (a run stopped in between) are told apart; null in
 *     results written before it was recorded
 */
public record EngineEvaluation(
    String engine,
    String variant,
    String version,
    EngineSettings settings,
    int images,
    double accuracy,
    double accuracyLower95,
    double accuracyUpper95,
    double macroF1,
    double negativeLogLikelihood,
    double expectedCalibrationError,
    double brierScore,
    List<ClassMetrics> perClass,
    long[][] confusionMatrix,
    List<MixUp> commonMixUps,
    String predictionsFile,
    @MayBeAbsent MeasuredModel model,
    @MayBeAbsent String predictionsSha256) {

  /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
  public EngineEvaluation {
    variant = variant == null ? ModelVariantIds.FLOAT32 : variant;
    perClass = perClass == null ? List.of() : List.copyOf(perClass);
    commonMixUps = commonMixUps == null ? List.of() : List.copyOf(commonMixUps);
    if (confusionMatrix != null) {
      requireSquare(confusionMatrix, perClass.size());
    }
  }

  /** One row and one column per class of {@code perClass}, so every table of it lines up. */
  private static void requireSquare(long[][] confusionMatrix, int classes) {
    boolean square = confusionMatrix.length == classes;
    for (long[] row : confusionMatrix) {
      square &= row != null && row.length == classes;
    }
    if (!square) {
      throw new IllegalArgumentException("expected a confusion matrix of " + classes + " x "
          + classes + " (a row and a column per class of perClass), found rows of lengths "
          + Arrays.stream(confusionMatrix).map(row -> row == null ? "null" : "" + row.length)
              .toList());
    }
  }


  /**
   * @param index the class index
   * @param name the class name
   * @param support test images of the class
   * @param precision share of predictions of the class that were right
   * @param recall share of the class's images predicted as it
   * @param f1 harmonic mean of precision and recall
   */
  public record ClassMetrics(
      int index, String name, long support, double precision, double recall, double f1) {}

  /**
   * @param first one class's name
   * @param second the other's
   * @param count images of either predicted as the other
   */
  public record MixUp(String first, String second, long count) {}
}
