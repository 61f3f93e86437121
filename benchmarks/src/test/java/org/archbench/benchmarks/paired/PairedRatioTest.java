package org.archbench.benchmarks.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The paired ratio is the trimmed geometric mean of the per-block ratios, with Yuen's t intervals
 * on logs: Student's below five blocks, where nothing is trimmed.
 */
class PairedRatioTest {

  /** t(0.975, 2) and t(0.95, 2), from the tables. */
  private static final double T975_2 = 4.302653;
  private static final double T95_2 = 2.919986;

  @Test
  void theIntervalsAreStudentsOnThePerBlockLogRatios() {
    double[] b = {10, 20, 5};
    double[] d = {0.1, 0.2, 0.3};
    double[] a = new double[3];
    for (int block = 0; block < 3; block++) {
      a[block] = b[block] * Math.exp(d[block]);
    }

    PairedRatio ratio = PairedRatio.of(a, b);

    // mean d 0.2, sd 0.1, three blocks.
    double standardError = 0.1 / Math.sqrt(3);
    assertEquals(3, ratio.blocks());
    assertEquals(Math.exp(0.2), ratio.ratio(), 1e-12);
    assertEquals(0.1, ratio.logRatioDeviation(), 1e-12);
    assertEquals(Math.exp(0.2 - T975_2 * standardError), ratio.lower95(), 1e-6);
    assertEquals(Math.exp(0.2 + T975_2 * standardError), ratio.upper95(), 1e-6);
    assertEquals(Math.exp(0.2 - T95_2 * standardError), ratio.lower90(), 1e-6);
    assertEquals(Math.exp(0.2 + T95_2 * standardError), ratio.upper90(), 1e-6);
  }

  @Test
  void fromFiveBlocksTheMostExtremeFifthAtEachEndIsTrimmedAndTheRestWinsorized() {
    // Ten blocks: g = 2 trimmed from each end, h = 6 kept, 5 degrees of freedom.
    double[] d = {0.9, -0.7, 0.02, 0.05, 0.04, 0.03, 0.06, 0.01, 0.05, 0.04};
    double[] b = new double[d.length];
    double[] a = new double[d.length];
    for (int block = 0; block < d.length; block++) {
      b[block] = 100 + block;
      a[block] = b[block] * Math.exp(d[block]);
    }

    PairedRatio ratio = PairedRatio.of(a, b);

    // Sorted: -0.7 0.01 | 0.02 0.03 0.04 0.04 0.05 0.05 | 0.06 0.9; the trimmed mean of the six
    // kept is 0.23 / 6. Winsorized: 0.02 0.02 0.02 0.03 0.04 0.04 0.05 0.05 0.05 0.05, mean 0.037,
    // squared deviations summing to 0.00161; the error is sqrt(0.00161 / (6 * 5)).
    double mean = 0.23 / 6;
    double standardError = Math.sqrt(0.00161 / 30);
    double t975 = 2.570582;
    assertEquals(Math.exp(mean), ratio.ratio(), 1e-12);
    assertEquals(standardError * Math.sqrt(10), ratio.logRatioDeviation(), 1e-12);
    assertEquals(Math.exp(mean - t975 * standardError), ratio.lower95(), 1e-6);
    assertEquals(Math.exp(mean + t975 * standardError), ratio.upper95(), 1e-6);
    // The two turns at half and double speed neither move the ratio nor widen it past 1.
    assertTrue(ratio.lower95() > 1, "a is dearer in the steady blocks");
  }

  @Test
  void driftCommonToABlockCancels() {
    // The machine's speed halves and doubles between blocks; a is 10% dearer in every one.
    double[] b = {100, 200, 50, 400, 120};
    double[] a = new double[b.length];
    for (int block = 0; block < b.length; block++) {
      a[block] = 1.1 * b[block];
    }

    PairedRatio ratio = PairedRatio.of(a, b);

    assertEquals(1.1, ratio.ratio(), 1e-12);
    assertEquals(0, ratio.logRatioDeviation(), 1e-12);
    assertEquals(1.1, ratio.lower95(), 1e-12, "a spread of 0 is a point at the ratio");
    assertEquals(1.1, ratio.upper90(), 1e-12);
  }

  @Test
  void blocksWhereASideIsMissingOrNotPositiveAreLeftOut() {
    double[] a = {2, Double.NaN, 4, 0, 6, Double.POSITIVE_INFINITY, 8};
    double[] b = {1, 3, Double.NaN, 2, 3, 5, 4};

    PairedRatio ratio = PairedRatio.of(a, b);

    assertEquals(3, ratio.blocks(), "blocks 1, 5 and 7");
    assertEquals(2, ratio.ratio(), 1e-12);
  }

  @Test
  void oneCommonBlockGivesARatioWithoutInterval() {
    PairedRatio one = PairedRatio.of(new double[] {3, Double.NaN}, new double[] {2, 5});
    PairedRatio none = PairedRatio.of(new double[] {Double.NaN}, new double[] {2});

    assertEquals(1, one.blocks());
    assertEquals(1.5, one.ratio(), 1e-12);
    assertTrue(Double.isNaN(one.lower95()) && Double.isNaN(one.upper90()));
    assertTrue(!one.hasInterval());
    assertEquals(0, none.blocks());
    assertTrue(Double.isNaN(none.ratio()));
  }

  @Test
  void bOverAIsTheReciprocalOfAOverB() {
    double[] a = {1.2, 1.5, 1.1, 1.3};
    double[] b = {1.0, 1.1, 1.05, 0.9};

    PairedRatio forward = PairedRatio.of(a, b);
    PairedRatio backward = PairedRatio.of(b, a);

    assertEquals(1 / forward.ratio(), backward.ratio(), 1e-12);
    assertEquals(1 / forward.upper95(), backward.lower95(), 1e-12);
    assertEquals(1 / forward.lower90(), backward.upper90(), 1e-12);
  }

  @Test
  void sidesOfDifferentBlockCountsAreRefused() {
    IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
        () -> PairedRatio.of(new double[] {1, 2}, new double[] {1}));

    assertTrue(refusal.getMessage().contains("2 blocks against 1"), refusal.getMessage());
  }
}
