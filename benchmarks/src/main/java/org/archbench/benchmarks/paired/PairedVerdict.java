package org.archbench.benchmarks.paired;

import org.archbench.schema.jmh.ComparisonVerdict;

/**
 * What a {@link PairedRatio} decides, and for an undecided one how many blocks would decide it.
 *
 * <p>Equivalence comes first and is decided by two one-sided tests at 5% (Schuirmann): the 90%
 * interval inside {@code [1/(1+margin), 1+margin]}. A difference needs the 95% interval to exclude
 * 1. Where neither holds, the blocks needed are the fewest in all for which either would hold if
 * the mean and spread of the log-ratios stayed as they are now; they are a planning figure for
 * the block allocation, not a promise.
 *
 * @param verdict which side is cheaper, equivalent, or undecided
 * @param blocksNeeded for an undecided comparison, the fewest blocks in all (at most
 *     {@link #MOST_BLOCKS}) that would decide it at the spread seen so far; null once decided, below
 *     two common blocks (no spread seen yet) and where no number up to the cap would decide it
 */
public record PairedVerdict(ComparisonVerdict verdict, Integer blocksNeeded) {

  /**
   * The most blocks a search for the blocks needed considers: a difference that needs more is
   * beyond any run's budget, and the answer is then "none".
   */
  public static final int MOST_BLOCKS = 1000;

  public PairedVerdict {
    if (verdict.decided() && blocksNeeded != null) {
      throw new IllegalArgumentException(
          "expected no blocks needed for a decided comparison, found " + blocksNeeded);
    }
  }

  /**
   * The verdict of {@code ratio}, a over b.
   *
   * @param margin the relative equivalence margin, positive: 0.05 for 5%
   * @param lowerIsBetter whether a lower figure is cheaper (latency, memory): then a ratio below 1
   *     makes a cheaper; otherwise (throughput) a ratio above 1 does
   */
  public static PairedVerdict of(PairedRatio ratio, double margin, boolean lowerIsBetter) {
    if (!(margin > 0)) {
      throw new IllegalArgumentException("expected a positive margin, found " + margin);
    }
    if (!ratio.hasInterval()) {
      return new PairedVerdict(ComparisonVerdict.UNDECIDED, null);
    }
    if (ratio.lower90() >= 1 / (1 + margin) && ratio.upper90() <= 1 + margin) {
      return new PairedVerdict(ComparisonVerdict.EQUIVALENT, null);
    }
    if (ratio.lower95() > 1 || ratio.upper95() < 1) {
      boolean aLower = ratio.ratio() < 1;
      return new PairedVerdict(aLower == lowerIsBetter
          ? ComparisonVerdict.A_CHEAPER : ComparisonVerdict.B_CHEAPER, null);
    }
    return new PairedVerdict(ComparisonVerdict.UNDECIDED, blocksNeeded(ratio, margin));
  }

  /**
   * The fewest blocks past the present ones for which the present mean and spread of the
   * log-ratios would give a 95% interval excluding 1 or a 90% interval within the margin; null if
   * none up to {@link #MOST_BLOCKS}. Both conditions only get easier as blocks are added (the
   * quantile and the standard error both fall), so the fewest is found by bisection: the
   * allocation asks for it for every undecided comparison after every block.
   */
  private static Integer blocksNeeded(PairedRatio ratio, double margin) {
    if (!decides(ratio, margin, MOST_BLOCKS)) {
      return null;
    }
    int undecided = ratio.blocks();
    int decided = MOST_BLOCKS;
    while (decided - undecided > 1) {
      int middle = (undecided + decided) >>> 1;
      if (decides(ratio, margin, middle)) {
        decided = middle;
      } else {
        undecided = middle;
      }
    }
    return decided;
  }

  /** Whether {@code n} blocks of the present mean and spread would decide. */
  private static boolean decides(PairedRatio ratio, double margin, int n) {
    double distance = Math.abs(ratio.meanLogRatio());
    double standardError = ratio.logRatioDeviation() / Math.sqrt(n);
    return distance > StudentQuantiles.quantile(0.975, n - 1) * standardError
        || distance + StudentQuantiles.quantile(0.95, n - 1) * standardError
            <= Math.log1p(margin);
  }
}
