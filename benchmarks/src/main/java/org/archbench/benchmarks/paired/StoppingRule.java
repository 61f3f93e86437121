package org.archbench.benchmarks.paired;

import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;

/**
 * When the block allocation may stop measuring for a comparison: at stricter levels than the
 * verdict it publishes, because it looks after every block.
 *
 * <p>Every look at a 95% interval is another 5% chance that two equal configurations seem to
 * differ; stopping at the first look that says so keeps that error. On the simulated drifting
 * machine ({@code DriftingMachineSimulationTest}, with the untrimmed mean), stopping each
 * comparison once its nominal verdict was decided called 1.0 against 1.0 "cheaper" in 7.8% of runs, against 3.0% with the
 * blocks fixed in advance. The cure of group-sequential designs (Pocock, Biometrika 1977) is a
 * stricter nominal level at every look, the same at each: for about 15 looks at 5% in all,
 * Pocock's boundary is near 2.6 standard errors, a 99% interval. So {@link #POCOCK} stops for a
 * difference only once the 99% interval excludes 1, and for equivalence only once the 98%
 * interval (two one-sided tests at 1% each) lies within the margin.
 *
 * <p>The levels only decide when to stop. The verdict published, {@link PairedVerdict#of}, is
 * read at the nominal levels (95% for a difference, 90% for equivalence) from all the blocks a
 * comparison has in the end: those are the levels its readers are told, its intervals are the
 * ones printed beside it, and blocks its sides ran for other comparisons after it was decided are
 * evidence like any other. A stopping verdict implies the same nominal one at the moment of
 * stopping (a 99% interval excluding 1 means the 95% one does; a 98% interval inside the margin
 * means the 90% one is), so with no later blocks the two agree.
 *
 * @param differenceLevel the two-sided confidence of the interval that must exclude 1 to stop
 * @param equivalenceLevel the two-sided confidence of the interval that must lie within the
 *     margin to stop
 */
public record StoppingRule(double differenceLevel, double equivalenceLevel) {

  /** The levels of the published verdict: stops at the first look that decides it. */
  public static final StoppingRule NOMINAL = new StoppingRule(0.95, 0.90);

  /** A Pocock-like constant boundary: 99% for a difference, 98% for equivalence. */
  public static final StoppingRule POCOCK = new StoppingRule(0.99, 0.98);

  public StoppingRule {
    if (!(differenceLevel > 0 && differenceLevel < 1 && equivalenceLevel > 0
        && equivalenceLevel < 1)) {
      throw new IllegalArgumentException("expected confidence levels in (0, 1), found "
          + differenceLevel + " and " + equivalenceLevel);
    }
  }

  /**
   * {@code comparison}'s verdict at these levels, with the blocks needed at them. The trimmed mean
   * of its log-ratios is {@code ln ratio}, and their spread comes back from the 95% interval: its
   * half-width on the log scale is {@code t(0.975, h-1) deviation / sqrt n}
   * ({@link PairedRatio}).
   */
  public PairedVerdict verdict(Comparison comparison) {
    int n = comparison.blocks();
    if (n < 2) {
      return new PairedVerdict(ComparisonVerdict.UNDECIDED, null);
    }
    return PairedVerdict.at(Math.log(comparison.ratio()), deviation(comparison), n,
        comparison.margin(), comparison.lowerIsBetter(), differenceLevel, equivalenceLevel);
  }

  /** Whether {@link #verdict} is decided, without its search for the blocks needed. */
  public boolean decides(Comparison comparison) {
    int n = comparison.blocks();
    return n >= 2 && PairedVerdict.decidedAt(Math.log(comparison.ratio()), deviation(comparison),
        n, comparison.margin(), differenceLevel, equivalenceLevel);
  }

  /** The spread of the log-ratios, from the 95% interval's half-width. */
  private static double deviation(Comparison comparison) {
    int n = comparison.blocks();
    double halfWidth95 =
        Math.max(0, Math.log(comparison.upper95()) - Math.log(comparison.lower95())) / 2;
    return halfWidth95 * Math.sqrt(n)
        / StudentQuantiles.quantile(0.975, PairedRatio.degreesOfFreedom(n));
  }
}
