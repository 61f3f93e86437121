package org.archbench.harness.robustness;

import org.archbench.schema.robustness.RobustnessReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorruptionErrorsTest {

  private static RobustnessReport.ConditionAccuracy at(String corruption, int severity, double accuracy) {
    return new RobustnessReport.ConditionAccuracy(corruption, severity, severity, accuracy);
  }

  @Test
  void ceNormalisesBySumsOverSeverities() {
    // model errors noise 0.1 + 0.3, blur 0.2; reference 0.2 + 0.4, 0.4
    List<RobustnessReport.ConditionAccuracy> model =
        List.of(at("noise", 1, 0.9), at("noise", 2, 0.7), at("blur", 1, 0.8));
    List<RobustnessReport.ConditionAccuracy> reference =
        List.of(at("noise", 1, 0.8), at("noise", 2, 0.6), at("blur", 1, 0.6));

    CorruptionErrors errors = CorruptionErrors.of(0.95, model, 0.9, reference);

    assertEquals(0.4 / 0.6, errors.perCorruption().get("noise"), 1e-12);
    assertEquals(0.2 / 0.4, errors.perCorruption().get("blur"), 1e-12);
    assertEquals((0.4 / 0.6 + 0.5) / 2, errors.mean(), 1e-12);
    // relative: noise (0.1 - 0.05 + 0.3 - 0.05) / (0.2 - 0.1 + 0.4 - 0.1), blur (0.2 - 0.05) / (0.4 - 0.1)
    assertEquals((0.3 / 0.4 + 0.15 / 0.3) / 2, errors.relativeMean(), 1e-12);
  }

  @Test
  void theReferenceAgainstItselfScoresOne() {
    List<RobustnessReport.ConditionAccuracy> model = List.of(at("noise", 1, 0.7), at("blur", 1, 0.5));

    CorruptionErrors errors = CorruptionErrors.of(0.9, model, 0.9, model);

    assertEquals(1.0, errors.mean(), 1e-12);
    assertEquals(1.0, errors.relativeMean(), 1e-12);
  }

  @Test
  void conditionsMustMatch() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CorruptionErrors.of(0.9, List.of(at("noise", 1, 0.7)), 0.9, List.of(at("blur", 1, 0.7))));

    assertEquals("expected the same conditions in the same order, found"
        + " ConditionAccuracy[corruption=noise, severity=1, level=1.0, accuracy=0.7] beside"
        + " ConditionAccuracy[corruption=blur, severity=1, level=1.0, accuracy=0.7]", error.getMessage());
  }
}
