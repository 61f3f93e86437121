package org.archbench.benchmarks.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.junit.jupiter.api.Test;

/** Equivalence by two one-sided tests, a difference by the 95% interval, else blocks needed. */
class PairedVerdictTest {

  private static final double MARGIN = 0.05;

  @Test
  void ratiosTightlyAroundOnePercentAreEquivalent() {
    PairedRatio ratio = ratios(1.005, 1.012, 1.008, 1.015, 1.010, 1.009);

    PairedVerdict verdict = PairedVerdict.of(ratio, MARGIN, true);

    assertEquals(ComparisonVerdict.EQUIVALENT, verdict.verdict());
    assertNull(verdict.blocksNeeded());
  }

  @Test
  void aClearWinnerIsCheaperTheWayItsFigureReads() {
    PairedRatio aLower = ratios(0.61, 0.58, 0.63, 0.60, 0.59);

    // A latency: the lower is cheaper.
    assertEquals(ComparisonVerdict.A_CHEAPER, PairedVerdict.of(aLower, MARGIN, true).verdict());
    // A throughput: the higher is cheaper.
    assertEquals(ComparisonVerdict.B_CHEAPER, PairedVerdict.of(aLower, MARGIN, false).verdict());
    PairedRatio aHigher = ratios(1.6, 1.7, 1.65, 1.62);
    assertEquals(ComparisonVerdict.B_CHEAPER, PairedVerdict.of(aHigher, MARGIN, true).verdict());
    assertEquals(ComparisonVerdict.A_CHEAPER, PairedVerdict.of(aHigher, MARGIN, false).verdict());
  }

  @Test
  void aDifferenceWithinTheMarginIsStillADifference() {
    // 2% apart, very steadily: the 90% interval is inside the margin, so equivalent comes first.
    PairedRatio ratio = ratios(1.020, 1.021, 1.019, 1.020, 1.022);

    assertEquals(ComparisonVerdict.EQUIVALENT, PairedVerdict.of(ratio, MARGIN, true).verdict());
    // With a margin of 1% it is no longer equivalent, and b is cheaper.
    assertEquals(ComparisonVerdict.B_CHEAPER, PairedVerdict.of(ratio, 0.01, true).verdict());
  }

  @Test
  void anUndecidedComparisonNeedsTheFewestBlocksThatWouldDecideIt() {
    // About 4% apart with a spread of about 5% a block: undecided at five blocks.
    PairedRatio ratio = ratios(1.06, 0.98, 1.10, 1.01, 1.04);

    PairedVerdict verdict = PairedVerdict.of(ratio, MARGIN, true);

    assertEquals(ComparisonVerdict.UNDECIDED, verdict.verdict());
    assertNotNull(verdict.blocksNeeded());
    int needed = verdict.blocksNeeded();
    assertTrue(needed >= 7 && needed <= 12, "a few more blocks, found " + needed);
    assertTrue(decides(ratio, needed), "decided at " + needed);
    assertTrue(!decides(ratio, needed - 1), "not decided at " + (needed - 1));
  }

  @Test
  void identicalConfigurationsWithASpreadNeedBlocksToShowEquivalence() {
    PairedRatio ratio = ratios(1.1, 1 / 1.1, 1.1, 1 / 1.1);

    PairedVerdict verdict = PairedVerdict.of(ratio, MARGIN, true);

    assertEquals(ComparisonVerdict.UNDECIDED, verdict.verdict());
    assertTrue(decides(ratio, verdict.blocksNeeded()));
    assertTrue(!decides(ratio, verdict.blocksNeeded() - 1));
  }

  @Test
  void noBlocksNeededWhereNoAffordableNumberWouldDecide() {
    // 6% apart, just past the margin, with a spread of several hundred percent a block: tens of
    // thousands of blocks would be needed.
    PairedRatio ratio = ratios(Math.exp(5.06), Math.exp(-4.94), Math.exp(5.06), Math.exp(-4.94));

    PairedVerdict verdict = PairedVerdict.of(ratio, MARGIN, true);

    assertEquals(ComparisonVerdict.UNDECIDED, verdict.verdict());
    assertNull(verdict.blocksNeeded());
  }

  @Test
  void fewerThanTwoBlocksAreUndecidedWithoutAnEstimate() {
    PairedVerdict verdict = PairedVerdict.of(ratios(2.0), MARGIN, true);

    assertEquals(ComparisonVerdict.UNDECIDED, verdict.verdict());
    assertNull(verdict.blocksNeeded(), "no spread seen yet");
  }

  @Test
  void atTheNominalLevelsIsTheVerdict() {
    for (PairedRatio ratio : new PairedRatio[] {ratios(1.005, 1.012, 1.008, 1.015, 1.010, 1.009),
        ratios(0.61, 0.58, 0.63, 0.60, 0.59), ratios(1.00, 1.10, 0.92, 1.06, 0.97, 1.03),
        ratios(0.90, 0.98, 0.94, 0.97, 0.92, 0.95)}) {
      assertEquals(PairedVerdict.of(ratio, MARGIN, true), PairedVerdict.at(ratio.meanLogRatio(),
          ratio.logRatioDeviation(), ratio.blocks(), MARGIN, true, 0.95, 0.90));
    }
  }

  @Test
  void stricterLevelsDecideLessAndNeedMoreBlocks() {
    PairedRatio nominallyCheaper = ratios(0.90, 0.98, 0.94, 0.97, 0.92, 0.95);
    PairedRatio undecided = ratios(1.00, 1.10, 0.92, 1.06, 0.97, 1.03);

    assertEquals(ComparisonVerdict.A_CHEAPER, PairedVerdict.of(nominallyCheaper, MARGIN, true)
        .verdict());
    PairedVerdict strict = PairedVerdict.at(nominallyCheaper.meanLogRatio(),
        nominallyCheaper.logRatioDeviation(), 6, MARGIN, true, 0.99, 0.98);
    assertEquals(ComparisonVerdict.UNDECIDED, strict.verdict());
    assertNotNull(strict.blocksNeeded());
    assertTrue(PairedVerdict.at(undecided.meanLogRatio(), undecided.logRatioDeviation(), 6, MARGIN,
        true, 0.99, 0.98).blocksNeeded() > PairedVerdict.of(undecided, MARGIN, true)
        .blocksNeeded());
    assertThrows(IllegalArgumentException.class, () -> PairedVerdict.at(0, 0.01, 5, MARGIN, true,
        0.99, 1.0));
  }

  @Test
  void aMarginMustBePositive() {
    assertThrows(IllegalArgumentException.class,
        () -> PairedVerdict.of(ratios(1, 1.1), 0, true));
  }

  /** The ratio of blocks with these ratios of a over b. */
  private static PairedRatio ratios(double... ratios) {
    double[] a = new double[ratios.length];
    double[] b = new double[ratios.length];
    for (int block = 0; block < ratios.length; block++) {
      b[block] = 100 + 10 * block;
      a[block] = ratios[block] * b[block];
    }
    return PairedRatio.of(a, b);
  }

  /** Whether {@code n} blocks of this mean and spread would decide: the rule, computed anew. */
  private static boolean decides(PairedRatio ratio, int n) {
    TDistribution t = new TDistribution(null, PairedRatio.degreesOfFreedom(n));
    double standardError = ratio.logRatioDeviation() / Math.sqrt(n);
    double distance = Math.abs(ratio.meanLogRatio());
    return distance > t.inverseCumulativeProbability(0.975) * standardError
        || distance + t.inverseCumulativeProbability(0.95) * standardError <= Math.log(1.05);
  }
}
