package org.archbench.schema.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImbalanceReportTest {

  private static ImbalanceReport.TestFigures figures(List<Double> perClassRecall) {
    return new ImbalanceReport.TestFigures(0.9, 0.9, perClassRecall, 0.8);
  }

  private static ImbalanceReport.Run run(ImbalanceReport.TestFigures test) {
    return new ImbalanceReport.Run("exp-rho100-none", "exp-rho100", "none", 0, List.of(1, 0),
        List.of(60, 6), List.of(1), test, 0.8, 0, 0, 0, 1, false, null);
  }

  @Test
  void everyRecallListHasOneValuePerClass() {
    // Found by the fuzzer: the report's recall table fell over a list of another length.
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ImbalanceReport("mlp", "onnxruntime", List.of("T-shirt", "Trouser"), null,
            figures(List.of(0.9, 0.8)), List.of(run(figures(List.of(0.9)))), "t"));

    assertEquals("expected one recall per class (2 classNames) in exp-rho100-none, found 1",
        error.getMessage());
  }

  @Test
  void agreeingListsAreAccepted() {
    ImbalanceReport report = new ImbalanceReport("mlp", "onnxruntime", List.of("T-shirt", "Trouser"),
        null, figures(List.of(0.9, 0.8)), List.of(run(figures(List.of(0.9, 0.7)))), "t");

    assertEquals(1, report.runs().size());
  }
}
