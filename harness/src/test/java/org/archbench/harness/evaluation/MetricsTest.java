package org.archbench.harness.evaluation;

import org.archbench.schema.stats.McNemarMethod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each metric against a value computed by hand (shown in the comments). */
class MetricsTest {

  // labels 0 0 1 1 2 2, predictions 0 1 1 1 2 0
  private static final ConfusionMatrix TINY =
      ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, 3);

  @Test
  void confusionMatrixOfATinyExample() {
    assertArrayEquals(new long[] {1, 1, 0}, TINY.counts()[0]);
    assertArrayEquals(new long[] {0, 2, 0}, TINY.counts()[1]);
    assertArrayEquals(new long[] {1, 0, 1}, TINY.counts()[2]);
    assertEquals(4.0 / 6, TINY.accuracy(), 1e-12);
    // precision 1/2, 2/3, 1/1; recall 1/2, 2/2, 1/2
    assertEquals(0.5, TINY.precision(0), 1e-12);
    assertEquals(2.0 / 3, TINY.precision(1), 1e-12);
    assertEquals(1.0, TINY.precision(2), 1e-12);
    assertEquals(0.5, TINY.recall(2), 1e-12);
  }

  @Test
  void macroF1OfATinyExample() {
    // F1: 0.5, 2*(2/3*1)/(2/3+1) = 0.8, 2*(1*0.5)/1.5 = 2/3; mean 0.65556
    assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, TINY.macroF1(), 1e-12);
  }

  @Test
  void commonMixUpsCountBothDirections() {
    assertEquals(List.of(new ConfusionMatrix.MixUp(0, 1, 1), new ConfusionMatrix.MixUp(0, 2, 1)),
        TINY.commonMixUps(5));
  }

  @Test
  void eceOfAConstructedCase() {
    // two images at confidence 0.9 (one right): |0.5 - 0.9| * 2/4 = 0.2;
    // two at 0.6 (both right): |1 - 0.6| * 2/4 = 0.2; ECE = 0.4
    float[] probabilities = {
      0.9f, 0.1f,
      0.9f, 0.1f,
      0.6f, 0.4f,
      0.4f, 0.6f
    };
    int[] labels = {0, 1, 0, 1};

    assertEquals(0.4, ProbabilisticMetrics.expectedCalibrationError(probabilities, labels, 2, 15), 1e-6);
  }

  @Test
  void nllAndBrierOfAConstructedCase() {
    float[] probabilities = {0.8f, 0.2f, 0.25f, 0.75f};
    int[] labels = {0, 0};

    // -(ln 0.8 + ln 0.25) / 2
    assertEquals(-(Math.log(0.8) + Math.log(0.25)) / 2,
        ProbabilisticMetrics.negativeLogLikelihood(probabilities, labels, 2), 1e-6);
    // ((0.2^2 + 0.2^2) + (0.75^2 + 0.75^2)) / 2 = (0.08 + 1.125) / 2
    assertEquals((0.08 + 1.125) / 2, ProbabilisticMetrics.brierScore(probabilities, labels, 2), 1e-6);
  }

  @Test
  void wilsonIntervalOf92Of100() {
    // centre (0.92 + 1.96^2/200) / (1 + 1.96^2/100) = 0.90446;
    // half-width 1.96 / 1.03841 * sqrt(0.92 * 0.08 / 100 + 1.96^2 / 40000) = 0.05444
    Wilson.Interval interval = Wilson.interval(92, 100, 0.95);

    assertEquals(0.8500, interval.lower(), 1e-4);
    assertEquals(0.9589, interval.upper(), 1e-4);
  }

  @Test
  void mcNemarExactOnSmallCounts() {
    // b = 3, c = 12: 2 * P(X <= 3 | 15, 1/2) = 2 * (1 + 15 + 105 + 455) / 32768
    McNemar.Result result = McNemar.test(3, 12);

    assertEquals(McNemarMethod.EXACT_BINOMIAL, result.method());
    assertEquals(2 * 576.0 / 32768, result.pValue(), 1e-12);
  }

  @Test
  void mcNemarChiSquareOnLargeCounts() {
    // b = 30, c = 50: (|30 - 50| - 1)^2 / 80 = 4.5125, p = P(chi2_1 > 4.5125) = 0.03364
    McNemar.Result result = McNemar.test(30, 50);

    assertEquals(McNemarMethod.CHI_SQUARED_CONTINUITY_CORRECTED, result.method());
    assertEquals(4.5125, result.statistic(), 1e-12);
    assertEquals(0.03364, result.pValue(), 1e-4);
  }

  @Test
  void mcNemarKeepsTinyPValuesAboveZero() {
    // b = 226, c = 494 (mlp against cnn): 1 - CDF rounds to 0, the survival function does not
    McNemar.Result result = McNemar.test(226, 494);

    // (|226 - 494| - 1)^2 / 720 = 267^2 / 720 = 99.0125; p = erfc(sqrt(99.0125 / 2)), about 2.5e-23
    assertEquals(99.0125, result.statistic(), 1e-9);
    assertTrue(result.pValue() > 1e-24 && result.pValue() < 1e-22, "p = " + result.pValue());
  }

  @Test
  void mcNemarCountsOnlyDiscordantImages() {
    boolean[] first = {true, true, false, false, true};
    boolean[] second = {true, false, true, false, false};

    McNemar.Result result = McNemar.test(first, second);

    assertEquals(2, result.firstOnlyCorrect());
    assertEquals(1, result.secondOnlyCorrect());
  }

  @Test
  void holmAdjustsStepDown() {
    // sorted 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, max(0.06, 0.04*1) = 0.06
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
        Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
  }

  @Test
  void mismatchedPredictionsAreRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2));

    assertEquals("expected as many predictions as labels, found 1 and 2", error.getMessage());
  }
}
