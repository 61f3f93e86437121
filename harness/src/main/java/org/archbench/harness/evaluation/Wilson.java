package org.archbench.harness.evaluation;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The Wilson score interval for a proportion (Commons Math's): unlike the normal approximation it
 * stays within [0, 1] and keeps its coverage near 0 and 1, where accuracies of good models live.
 */
public final class Wilson {

  private Wilson() {}

  /**
   * An interval for a proportion.
   *
   * @param lower lower bound
   * @param upper upper bound
   */
  public record Interval(double lower, double upper) {}

  /** The two-sided interval of level {@code confidence} for {@code successes} of {@code trials}. */
  public static Interval interval(long successes, long trials, double confidence) {
    if (trials <= 0 || successes < 0 || successes > trials || !(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "expected 0 <= successes <= trials, trials > 0 and confidence in (0, 1), found "
              + successes + " of " + trials + " at " + confidence);
    }
    ConfidenceInterval interval = new WilsonScoreInterval()
        .createInterval(Math.toIntExact(trials), Math.toIntExact(successes), confidence);
    return new Interval(interval.getLowerBound(), interval.getUpperBound());
  }
}
