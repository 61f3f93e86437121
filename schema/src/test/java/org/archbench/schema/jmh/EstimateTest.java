package org.archbench.schema.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EstimateTest {

  @ParameterizedTest
  @CsvSource({"0.5, 11", "0.9, 64", "0.99, 662", "0.999, 6636"})
  void aPercentileWantsTheSamplesOfMlperfsEarlyStoppingRule(double quantile, long samples) {
    // MLPerf LoadGen's figures for one tolerated exceedance at 99% confidence: 64 for p90, 662 for
    // p99.
    assertEquals(samples, Estimate.minimumSamples(quantile));
  }

  @Test
  void forksThatAgreeWithinTheTargetAreOk() {
    Estimate estimate = Estimate.of(new double[] {1000, 1010, 990, 1005, 995}, 50, 0, 0.03);

    assertEquals(Verdict.OK, estimate.verdict());
    // The geometric mean: a hair under the arithmetic 1000.
    assertEquals(999.975, estimate.value(), 1e-3);
    assertEquals(5, estimate.forks());
    assertEquals(50, estimate.samples());
  }

  @Test
  void forksThatDisagreeAreNoisy() {
    // The ±50% of one shared machine's forks: an interval, far wider than ±3%.
    Estimate estimate = Estimate.of(new double[] {500, 1500, 1000, 700}, 40, 0, 0.03);

    assertEquals(Verdict.NOISY, estimate.verdict());
  }

  @Test
  void aSkewedFigureKeepsAnIntervalAboveZero() {
    // A p99 over forks of a drifting machine: the arithmetic interval reached below zero.
    Estimate estimate = Estimate.of(new double[] {100, 1500, 120, 140}, 4000, 662, 0.10);

    assertTrue(estimate.lower95() > 0, estimate.toString());
    assertEquals(Math.sqrt(estimate.lower95() * estimate.upper95()), estimate.value(), 1e-9,
        "as far in ratio below the value as above");
  }

  @Test
  void aZeroFallsBackToTheArithmeticMean() {
    Estimate estimate = Estimate.of(new double[] {0, 2, 4}, 3, 0, 0.03);

    assertEquals(2, estimate.value(), 1e-12);
  }

  @Test
  void twoForksAreTooFewHoweverTheyAgree() {
    assertEquals(Verdict.TOO_FEW_SAMPLES,
        Estimate.of(new double[] {1000, 1000.5}, 20, 0, 0.03).verdict());
    assertEquals(Verdict.TOO_FEW_SAMPLES, Estimate.of(new double[] {1000}, 10, 0, 0.03).verdict());
  }

  @Test
  void aP99OfFewerSamplesThanTheRuleIsTooFewSamples() {
    Estimate estimate = Estimate.of(new double[] {10, 10.1, 9.9}, 600, 662, 0.10);

    assertEquals(Verdict.TOO_FEW_SAMPLES, estimate.verdict());
  }
}
