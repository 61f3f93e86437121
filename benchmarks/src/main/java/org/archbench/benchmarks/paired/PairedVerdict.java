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
 * <p>These nominal levels are the published verdict's, read from all of a comparison's blocks.
 * {@link #at} reads the same rule at other levels: the {@link StoppingRule} by which the
 * allocation stops measuring asks at stricter ones, as it looks after every block.
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
    return new PairedVerdict(ComparisonVerdict.UNDECIDED, blocksNeeded(ratio.meanLogRatio(),
        ratio.logRatioDeviation(), ratio.blocks(), margin, Levels.NOMINAL));
  }

  /**
   * The verdict of a comparison from the {@link PairedRatio#meanLogRatio} and
   * {@link PairedRatio#logRatioDeviation} of its {@code blocks} log-ratios, with a difference read off the two-sided {@code differenceLevel} interval and
   * equivalence off the two-sided {@code equivalenceLevel} one. At 0.95 and 0.90 this is
   * {@link #of(PairedRatio, double, boolean)}; a {@link StoppingRule} asks at stricter levels.
   * The blocks needed are found at the same levels.
   *
   * @param differenceLevel the confidence of the interval that must exclude 1: 0.95
   * @param equivalenceLevel the confidence of the interval that must lie within the margin: 0.90
   *     (two one-sided tests at {@code (1 - level) / 2} each)
   */
  public static PairedVerdict at(double meanLogRatio, double logRatioDeviation, int blocks,
      double margin, boolean lowerIsBetter, double differenceLevel, double equivalenceLevel) {
    if (!(margin > 0)) {
      throw new IllegalArgumentException("expected a positive margin, found " + margin);
    }
    checkLevel(differenceLevel);
    checkLevel(equivalenceLevel);
    if (blocks < 2 || !Double.isFinite(meanLogRatio) || !(logRatioDeviation >= 0)
        || logRatioDeviation == Double.POSITIVE_INFINITY) {
      return new PairedVerdict(ComparisonVerdict.UNDECIDED, null);
    }
    Levels levels = new Levels(differenceLevel, equivalenceLevel);
    ComparisonVerdict verdict = decision(meanLogRatio, logRatioDeviation, blocks, margin,
        lowerIsBetter, levels);
    return new PairedVerdict(verdict, verdict.decided() ? null
        : blocksNeeded(meanLogRatio, logRatioDeviation, blocks, margin, levels));
  }

  /**
   * Whether {@link #at} decides, without the search for the blocks needed: what the allocation
   * asks of every comparison after every block.
   */
  static boolean decidedAt(double meanLogRatio, double logRatioDeviation, int blocks,
      double margin, double differenceLevel, double equivalenceLevel) {
    return blocks >= 2 && Double.isFinite(meanLogRatio) && logRatioDeviation >= 0
        && logRatioDeviation < Double.POSITIVE_INFINITY
        && decision(meanLogRatio, logRatioDeviation, blocks, margin, true,
            new Levels(differenceLevel, equivalenceLevel)).decided();
  }

  private static ComparisonVerdict decision(double meanLogRatio, double logRatioDeviation,
      int blocks, double margin, boolean lowerIsBetter, Levels levels) {
    double distance = Math.abs(meanLogRatio);
    double standardError = logRatioDeviation / Math.sqrt(blocks);
    if (distance + levels.equivalenceQuantile(blocks) * standardError <= Math.log1p(margin)) {
      return ComparisonVerdict.EQUIVALENT;
    }
    if (distance > levels.differenceQuantile(blocks) * standardError) {
      boolean aLower = meanLogRatio < 0;
      return aLower == lowerIsBetter ? ComparisonVerdict.A_CHEAPER : ComparisonVerdict.B_CHEAPER;
    }
    return ComparisonVerdict.UNDECIDED;
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("expected a confidence level in (0, 1), found " + level);
    }
  }

  /** The two-sided levels a verdict reads its intervals at, as Student-t quantiles. */
  private record Levels(double difference, double equivalence) {

    static final Levels NOMINAL = new Levels(0.95, 0.90);

    double differenceQuantile(int n) {
      return StudentQuantiles.quantile((1 + difference) / 2, PairedRatio.degreesOfFreedom(n));
    }

    double equivalenceQuantile(int n) {
      return StudentQuantiles.quantile((1 + equivalence) / 2, PairedRatio.degreesOfFreedom(n));
    }
  }

  /**
   * The fewest blocks past the present ones for which the present mean and spread of the
   * log-ratios would give a {@code levels.difference} interval excluding 1 or a
   * {@code levels.equivalence} interval within the margin; null if none up to
   * {@link #MOST_BLOCKS}. Both conditions get easier as blocks are added (the standard error falls
   * as {@code 1 / sqrt n}; the quantile falls too, but for a step up wherever one more log-ratio is
   * trimmed from each end, which the error's fall outweighs past a handful of blocks), so the
   * fewest is found by bisection: the allocation asks for it
   * for every undecided comparison after every block.
   */
  private static Integer blocksNeeded(double mean, double deviation, int blocks, double margin,
      Levels levels) {
    if (!decides(mean, deviation, margin, levels, MOST_BLOCKS)) {
      return null;
    }
    int undecided = blocks;
    int decided = MOST_BLOCKS;
    while (decided - undecided > 1) {
      int middle = (undecided + decided) >>> 1;
      if (decides(mean, deviation, margin, levels, middle)) {
        decided = middle;
      } else {
        undecided = middle;
      }
    }
    return decided;
  }

  /** Whether {@code n} blocks of the present mean and spread would decide. */
  private static boolean decides(double mean, double deviation, double margin, Levels levels,
      int n) {
    double distance = Math.abs(mean);
    double standardError = deviation / Math.sqrt(n);
    return distance > levels.differenceQuantile(n) * standardError
        || distance + levels.equivalenceQuantile(n) * standardError <= Math.log1p(margin);
  }
}
