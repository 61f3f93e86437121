package org.archbench.schema.jmh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.archbench.schema.stats.MeanInterval;

/**
 * A cost figure as archbench publishes it: the mean over forks, its 95% interval with the fork as
 * the independent unit (iterations within a fork are not independent samples), how many forks and
 * samples stand behind it, and a {@link Verdict}.
 *
 * @param value the mean of the forks' values
 * @param lower95 lower end of the 95% Student-t interval over the forks' values; NaN below two
 * @param upper95 upper end
 * @param forks how many forks
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
   * The estimate of one value per fork.
   *
   * @param forkValues one value per fork
   * @param samples the measurements behind them
   * @param minimumSamples below this many samples the figure means nothing (see
   *     {@link #minimumSamples}); 0 for no such rule
   * @param target the precision asked for, as a relative half-width
   */
  public static Estimate of(double[] forkValues, long samples, long minimumSamples, double target) {
    MeanInterval interval = MeanInterval.of(forkValues);
    Verdict verdict;
    if (forkValues.length < MINIMUM_FORKS || samples < minimumSamples) {
      verdict = Verdict.TOO_FEW_SAMPLES;
    } else if (!(interval.relativeHalfWidth() <= target)) {
      verdict = Verdict.NOISY;
    } else {
      verdict = Verdict.OK;
    }
    return new Estimate(interval.mean(), interval.lower95(), interval.upper95(), forkValues.length,
        samples, target, verdict, Arrays.stream(forkValues).boxed().toList());
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
