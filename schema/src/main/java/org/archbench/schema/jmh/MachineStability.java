package org.archbench.schema.jmh;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;

/**
 * jmh/stability.json: how steady the machine was while the benchmark stage measured it. A short
 * calibration (the GEMM, one fork) runs before the rounds, between them and after them; their
 * spread is the machine's drift. Each round also records how much CPU other processes took.
 * Figures from a run whose calibration drifted beyond {@link #DRIFT_LIMIT} compare badly with each
 * other and with other runs, and the report and the console say so.
 *
 * @param calibrations each calibration, in the order they ran
 * @param drift the calibrations' range over their median: 0.04 for 4%; NaN below two
 * @param rounds each steady-state round's load
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "jmh/stability.json")
public record MachineStability(List<Calibration> calibrations, double drift, List<RoundLoad> rounds,
    String createdAt) {

  /** A drift above this (10%) marks the run's figures as taken on an unsteady machine. */
  public static final double DRIFT_LIMIT = 0.10;

  /** An absent list reads as empty: a reader shows it as missing, never fails on it. */
  public MachineStability {
    calibrations = calibrations == null ? List.of() : List.copyOf(calibrations);
    rounds = rounds == null ? List.of() : List.copyOf(rounds);
  }

  /**
   * One calibration.
   *
   * @param when {@code before}, {@code after round 1}, ...
   * @param gflops the GEMM's GFLOP/s
   */
  public record Calibration(String when, double gflops) {}

  /**
   * One round's load.
   *
   * @param round from 1
   * @param seconds its wall time
   * @param otherCpuShare the share of the machine's CPU time (every core) that processes other than
   *     the benchmark stage and its forks took during the round; absent where /proc/stat is not
   */
  public record RoundLoad(int round, double seconds, @MayBeAbsent Double otherCpuShare) {}

  /** Whether the calibrations drifted beyond {@link #DRIFT_LIMIT}. */
  public boolean drifted() {
    return drift > DRIFT_LIMIT;
  }

  /**
   * One line for the console and the report: {@code GEMM calibration 4 times, 118 to 125 GFLOP/s:
   * drift 5.9% (limit 10%); other processes took at most 12% of the CPU in a round}.
   */
  public String summary() {
    StringBuilder text = new StringBuilder();
    if (calibrations.isEmpty()) {
      text.append("no GEMM calibration");
    } else {
      DoubleSummaryStatistics gflops =
          calibrations.stream().mapToDouble(Calibration::gflops).summaryStatistics();
      text.append(String.format(Locale.ROOT, "GEMM calibration %d times, %.1f to %.1f GFLOP/s",
          calibrations.size(), gflops.getMin(), gflops.getMax()));
      if (Double.isFinite(drift)) {
        text.append(String.format(Locale.ROOT, ": drift %.1f%% (limit %.0f%%)", 100 * drift,
            100 * DRIFT_LIMIT));
      }
    }
    rounds.stream().map(RoundLoad::otherCpuShare).filter(share -> share != null)
        .mapToDouble(Double::doubleValue).max().ifPresent(share -> text.append(String.format(
            Locale.ROOT, "; other processes took at most %.0f%% of the CPU in a round",
            100 * share)));
    return text.toString();
  }

  /** The warning of a drifted run; empty if it did not drift. */
  public Optional<String> warning() {
    if (!drifted()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "The machine drifted: its GEMM calibration moved"
        + " %.0f%% between rounds (limit %.0f%%), so the cost figures of this run compare badly"
        + " with each other and with other runs. Rerun the benchmarks on a quieter machine.",
        100 * drift, 100 * DRIFT_LIMIT));
  }

  /** The drift of {@code calibrations}: their range over their median; NaN below two. */
  public static double driftOf(List<Calibration> calibrations) {
    if (calibrations.size() < 2) {
      return Double.NaN;
    }
    double[] gflops = calibrations.stream().mapToDouble(Calibration::gflops).sorted().toArray();
    int n = gflops.length;
    double median = n % 2 == 1 ? gflops[n / 2] : (gflops[n / 2 - 1] + gflops[n / 2]) / 2;
    return (gflops[n - 1] - gflops[0]) / median;
  }
}
