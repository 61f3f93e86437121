package org.archbench.schema.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    assertEquals(1000, estimate.value(), 1e-9);
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
