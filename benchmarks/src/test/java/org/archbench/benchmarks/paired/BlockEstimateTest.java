package org.archbench.benchmarks.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.Verdict;
import org.archbench.schema.stats.MeanInterval;
import org.junit.jupiter.api.Test;

/** A configuration's figure over blocks: geometric mean, interval on the logs, verdict. */
class BlockEstimateTest {

  @Test
  void aHeavyTailedP99KeepsAPositiveInterval() {
    // p99 latencies in microseconds; one block caught the machine stalling.
    double[] p99 = {900, 950, 880, 20000, 910, 930};

    Estimate estimate = BlockEstimate.of(p99, 60000, Estimate.minimumSamples(0.99), 0.05);

    assertTrue(MeanInterval.of(p99).lower95() < 0, "the arithmetic interval reaches below 0");
    assertTrue(estimate.lower95() > 0);
    assertTrue(estimate.lower95() < estimate.value() && estimate.value() < estimate.upper95());
    double logMean = 0;
    for (double value : p99) {
      logMean += Math.log(value) / p99.length;
    }
    assertEquals(Math.exp(logMean), estimate.value(), 1e-9);
    assertEquals(Verdict.NOISY, estimate.verdict());
  }

  @Test
  void blocksAreTheForksAndMissingOnesAreLeftOut() {
    double[] throughput = {1000, Double.NaN, 1010, 990, Double.NaN, 1005};

    Estimate estimate = BlockEstimate.of(throughput, 400, 0, 0.03);

    assertEquals(4, estimate.forks());
    assertEquals(400, estimate.samples());
    assertEquals(List.of(1000.0, 1010.0, 990.0, 1005.0), estimate.forkValues());
    assertEquals(0.03, estimate.target());
    assertEquals(Verdict.OK, estimate.verdict());
    assertTrue(estimate.relativeHalfWidth() < 0.03);
  }

  @Test
  void fewerThanThreeBlocksOrTooFewSamplesAreTooFew() {
    assertEquals(Verdict.TOO_FEW_SAMPLES,
        BlockEstimate.of(new double[] {1000, 1001, Double.NaN}, 400, 0, 0.03).verdict());
    assertEquals(Verdict.TOO_FEW_SAMPLES,
        BlockEstimate.of(new double[] {900, 901, 902}, 100, 662, 0.03).verdict());
    Estimate none = BlockEstimate.of(new double[] {Double.NaN, Double.NaN}, 0, 0, 0.03);
    assertEquals(Verdict.TOO_FEW_SAMPLES, none.verdict());
    assertEquals(0, none.forks());
    assertTrue(Double.isNaN(none.value()));
  }

  @Test
  void aSpreadBeyondTheTargetIsNoisy() {
    assertEquals(Verdict.NOISY,
        BlockEstimate.of(new double[] {1000, 1300, 800, 1100}, 400, 0, 0.03).verdict());
  }
}
