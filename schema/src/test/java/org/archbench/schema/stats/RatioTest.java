package org.archbench.schema.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTest {

  @Test
  void theIntervalIsWelchsOnTheLogs() {
    // Logs 1, 2, 3 against 0, 1, 2: difference 1, standard error sqrt(2/3), Welch's 4 degrees of
    // freedom, t(0.975, 4) = 2.7764451.
    Ratio ratio = Ratio.of(List.of(Math.exp(1), Math.exp(2), Math.exp(3)),
        List.of(1.0, Math.exp(1), Math.exp(2)));

    double halfWidth = 2.7764451 * Math.sqrt(2.0 / 3);
    assertEquals(Math.E, ratio.ratio(), 1e-9);
    assertEquals(Math.exp(1 - halfWidth), ratio.lower95(), 1e-6);
    assertEquals(Math.exp(1 + halfWidth), ratio.upper95(), 1e-5);
    assertEquals(Ratio.Difference.NO_DETECTABLE_DIFFERENCE, ratio.difference());
  }

  @Test
  void aClearWinnerIsDifferent() {
    Ratio ratio = Ratio.of(List.of(100.0, 101.0, 99.0, 100.5), List.of(50.0, 50.5, 49.5, 50.2));

    assertEquals(2.0, ratio.ratio(), 0.01);
    assertEquals(Ratio.Difference.DIFFERENT, ratio.difference());
  }

  @Test
  void oneForkASideHasARatioAndNoInterval() {
    Ratio ratio = Ratio.of(List.of(100.0), List.of(50.0, 51.0));

    assertEquals(Ratio.Difference.TOO_FEW_SAMPLES, ratio.difference());
    assertEquals(100 / Math.sqrt(50 * 51.0), ratio.ratio(), 1e-9);
    assertEquals(Ratio.Difference.TOO_FEW_SAMPLES,
        Ratio.of(List.of(0.0, 1.0), List.of(1.0, 2.0)).difference(), "a value that is not positive");
  }
}
