package org.archbench.schema.jmh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.archbench.schema.stats.MeanInterval;

/**
 * A cost figure as archbench publishes it: the geometric mean over forks (or blocks), its 95%
 * interval with the fork as the independent unit (iterations within a fork are not independent
 * samples), how many forks and samples stand behind it, and a {@link Verdict}.
 *
 * @param value the geometric mean of the forks' values (arithmetic where one is not positive)
 * @param lower95 lower end of the 95% Student-t interval over the forks' values, on their logs
 *     where all are positive; NaN below two
 * @param upper95 upper end
 * @param forks how many forks, or blocks
 * @param samples how many measurements in all: iterations, or latency samples
 * @param target the precision asked for, as a relative half-width (0.03 for ±3%)
 * @param verdict ok, noisy, or too few samples
 * @param forkValues each fork's value, what comparisons between figures are drawn from
 */
public record Estimate(double value, double lower95, double upper95, int forks, long samples,
    double target, Verdict verdict, List<Double> forkValues) {

  public Estimate {
    forkValues = List.copyOf(forkValues);
  }

  /**
   * Forks below which a figure reads "too few samples": with two, the t quantile is 12.7 and the
   * interval says little; three is the least that can come out within a few percent.
   */
  public static final int MINIMUM_FORKS = 3;

  private static final Map<Double, Long> MINIMUM_SAMPLES = new HashMap<>();

  /**
   * The estimate of one value per fork (or per block). Where every value is positive, as a time,
   * a rate or a memory figure is, the value is their geometric mean and the interval Student's t
   * on their logs, taken back: it never reaches below zero (a p99 of 464 us over forks of 100 and
   * 1,500 us would otherwise read [-895, 1824]), and spreads as far in ratio above the value as
   * below. Otherwise (a zero, a difference) the arithmetic mean and its interval.
   *
   * @param forkValues one value per fork
   * @param samples the measurements behind them
   * @param minimumSamples below this many samples the figure means nothing (see
   *     {@link #minimumSamples}); 0 for no such rule
   * @param target the precision asked for, as a relative half-width
   */
  public static Estimate of(double[] forkValues, long samples, long minimumSamples, double target) {
    boolean positive = forkValues.length > 0 && Arrays.stream(forkValues)
        .allMatch(value -> value > 0 && value < Double.POSITIVE_INFINITY);
    double value;
    double lower;
    double upper;
    if (positive && forkValues.length == 1) {
      // One value is its own geometric mean, to the last digit.
      value = forkValues[0];
      lower = Double.NaN;
      upper = Double.NaN;
    } else if (positive) {
      MeanInterval logs = MeanInterval.of(Arrays.stream(forkValues).map(Math::log).toArray());
      value = Math.exp(logs.mean());
      lower = Math.exp(logs.lower95());
      upper = Math.exp(logs.upper95());
    } else {
      MeanInterval interval = MeanInterval.of(forkValues);
      value = interval.mean();
      lower = interval.lower95();
      upper = interval.upper95();
    }
    double halfWidth = (upper - lower) / 2 / Math.abs(value);
    Verdict verdict;
    if (forkValues.length < MINIMUM_FORKS || samples < minimumSamples) {
      verdict = Verdict.TOO_FEW_SAMPLES;
    } else if (!(halfWidth <= target)) {
      verdict = Verdict.NOISY;
    } else {
      verdict = Verdict.OK;
    }
    return new Estimate(value, lower, upper, forkValues.length, samples, target, verdict,
        Arrays.stream(forkValues).boxed().toList());
  }

  /**
   * The fewest samples for which the {@code quantile} (0.99 for p99) means something, by MLPerf
   * LoadGen's early-stopping rule with one tolerated exceedance: the smallest n such that a system
   * whose true quantile sits exactly at the reported value would show at most one sample above it
   * with probability 1% or less. 64 for p90, 662 for p99, 6,636 for p99.9.
   */
  public static synchronized long minimumSamples(double quantile) {
    return MINIMUM_SAMPLES.computeIfAbsent(quantile, q -> {
      long n = 2;
      while (new BinomialDistribution(null, Math.toIntExact(n), 1 - q).cumulativeProbability(1)
          > 0.01) {
        n++;
      }
      return n;
    });
  }

  /** This estimate with another verdict: {@link Verdict#NOT_STEADY}, which no interval shows. */
  public Estimate withVerdict(Verdict other) {
    return new Estimate(value, lower95, upper95, forks, samples, target, other, forkValues);
  }

  /** Half the interval's width over the value: 0.03 for ±3%; NaN without an interval. */
  public double relativeHalfWidth() {
    return (upper95 - lower95) / 2 / Math.abs(value);
  }

  /**
   * The half-width as the report and the console summary print it: {@code ±2.1%}, {@code ±28%};
   * empty without an interval.
   */
  public String halfWidthText() {
    double percent = 100 * relativeHalfWidth();
    return Double.isFinite(percent)
        ? String.format(Locale.ROOT, percent < 10 ? "±%.1f%%" : "±%.0f%%", percent) : "";
  }
}
