package org.archbench.schema.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.archbench.schema.engine.EngineSettings;
import org.junit.jupiter.api.Test;

class EngineEvaluationTest {

  private static final List<EngineEvaluation.ClassMetrics> TWO_CLASSES = List.of(
      new EngineEvaluation.ClassMetrics(0, "T-shirt", 5, 1, 1, 1),
      new EngineEvaluation.ClassMetrics(1, "Trouser", 5, 1, 1, 1));

  private static EngineEvaluation withMatrix(long[][] matrix) {
    return new EngineEvaluation("onnxruntime", "fp32", "1.23.2", EngineSettings.cpuDefaults(), 10, 1, 1, 1,
        1, 0, 0, 0, TWO_CLASSES, matrix, List.of(), "eval/mlp.onnxruntime.predictions.csv", null,
        null);
  }

  @Test
  void aConfusionMatrixHasARowAndAColumnPerClass() {
    assertEquals(2, withMatrix(new long[][] {{5, 0}, {0, 5}}).confusionMatrix().length);
  }

  @Test
  void aMatrixOfAnotherShapeIsRefused() {
    // Found by the fuzzer: the report's confusion table fell over a row of the wrong length.
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> withMatrix(new long[][] {{5, 0}, {0}}));

    assertEquals("expected a confusion matrix of 2 x 2 (a row and a column per class of perClass),"
        + " found rows of lengths [2, 1]", error.getMessage());
  }
}
