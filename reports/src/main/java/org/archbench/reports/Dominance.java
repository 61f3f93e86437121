package org.archbench.reports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.stats.Ratio;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.stats.StatisticsReport;

/**
 * Whether one configuration beats another beyond the uncertainty of its figures. Accuracy: by
 * McNemar's test on the same test images where stats.json holds the pair (Holm-corrected), else by
 * non-overlapping 95% intervals. Cost: by the ratio of the forks' geometric means, whose 95%
 * interval must exclude 1 ({@link Ratio}).
 *
 * <p>A configuration dominates another when it is better beyond the uncertainty on one axis and
 * not detectably worse on the other. Asking for "better beyond the uncertainty on both" would
 * leave the same model on a three times slower engine undominated, since its accuracy is the same
 * model's.
 */
final class Dominance {

  /** How a figure of one configuration compares with another's, beyond the uncertainty. */
  enum Comparison { BETTER, TIED, WORSE }

  private final Map<Set<String>, SignificancePair> pairs = new HashMap<>();

  /** McNemar's pairs from {@code statistics}, where the stats stage ran. */
  Dominance(Optional<StatisticsReport> statistics) {
    statistics.ifPresent(report -> report.pairs()
        .forEach(pair -> pairs.put(Set.of(pair.first(), pair.second()), pair)));
  }

  /**
   * Accuracy of {@code a} against {@code b}. The same architecture on two engines is the same
   * model, so only its intervals can tell them apart; the engines agree on the test images, so
   * McNemar's test between two architectures holds on every engine.
   */
  Comparison accuracy(Configuration a, Configuration b) {
    // stats.json tests the float32 models; a derived variant is compared by its intervals.
    SignificancePair pair = a.arch().equals(b.arch()) || !a.isFloat32() || !b.isFloat32()
        ? null : pairs.get(Set.of(a.arch(), b.arch()));
    if (pair != null) {
      if (!pair.significant()) {
        return Comparison.TIED;
      }
      boolean aFirst = pair.first().equals(a.arch());
      double aAccuracy = aFirst ? pair.firstAccuracy() : pair.secondAccuracy();
      double bAccuracy = aFirst ? pair.secondAccuracy() : pair.firstAccuracy();
      return aAccuracy > bAccuracy ? Comparison.BETTER
          : aAccuracy < bAccuracy ? Comparison.WORSE : Comparison.TIED;
    }
    if (a.accuracy().accuracyLower95() > b.accuracy().accuracyUpper95()) {
      return Comparison.BETTER;
    }
    if (a.accuracy().accuracyUpper95() < b.accuracy().accuracyLower95()) {
      return Comparison.WORSE;
    }
    return Comparison.TIED;
  }

  /**
   * Cost {@code a} against {@code b}: better when the ratio's interval excludes 1 on the good side.
   * Too few forks for an interval reads as tied: nothing tells them apart.
   */
  static Comparison cost(Estimate a, Estimate b, boolean lowerIsBetter) {
    Ratio ratio = Ratio.of(a.forkValues(), b.forkValues());
    if (ratio.difference() != Ratio.Difference.DIFFERENT) {
      return Comparison.TIED;
    }
    return (ratio.ratio() < 1) == lowerIsBetter ? Comparison.BETTER : Comparison.WORSE;
  }

  /** Whether {@code a}, costing {@code costA}, dominates {@code b}, costing {@code costB}. */
  boolean dominates(Configuration a, Estimate costA, Configuration b, Estimate costB,
      boolean lowerIsBetter) {
    Comparison accuracy = accuracy(a, b);
    Comparison cost = cost(costA, costB, lowerIsBetter);
    return accuracy != Comparison.WORSE && cost != Comparison.WORSE
        && (accuracy == Comparison.BETTER || cost == Comparison.BETTER);
  }
}
