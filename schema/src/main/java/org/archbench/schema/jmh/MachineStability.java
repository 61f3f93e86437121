package org.archbench.schema.jmh;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;

/**
 * jmh/stability.json: how steady the machine was while the benchmark stage measured it. The
 * anchor (ONNX Runtime's GEMM) takes a turn in every block; the spread of its GFLOP/s is the
 * machine's drift. Each block also records how much CPU other processes took and how much the
 * hypervisor took (steal). Comparisons within the run are paired by block, so what drifts in common
 * within a block cancels; absolute figures and comparisons with other runs move with the drift,
 * and the report and the console say so beyond {@link #DRIFT_LIMIT}.
 *
 * @param calibrations the anchor's GFLOP/s, block by block
 * @param drift the calibrations' range over their median: 0.04 for 4%; NaN below two
 * @param rounds each block's load
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "jmh/stability.json", minor = 1)
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
   * @param when {@code block 1}, {@code block 2}, ...
   * @param gflops the GEMM's GFLOP/s
   */
  public record Calibration(String when, double gflops) {}

  /**
   * One block's load.
   *
   * @param round the block's number, from 1
   * @param seconds its wall time
   * @param otherCpuShare the share of the machine's CPU time (every core) that processes other than
   *     the benchmark stage and its forks took during the block; absent where /proc/stat is not
   * @param stealShare the share the hypervisor gave other guests (steal); absent where /proc/stat
   *     is not, and in files of format 1.0
   */
  public record RoundLoad(int round, double seconds, @MayBeAbsent Double otherCpuShare,
      @MayBeAbsent Double stealShare) {}

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
            Locale.ROOT, "; other processes took at most %.0f%% of the CPU in a block",
            100 * share)));
    rounds.stream().map(RoundLoad::stealShare).filter(share -> share != null)
        .mapToDouble(Double::doubleValue).max().ifPresent(share -> text.append(String.format(
            Locale.ROOT, ", the hypervisor (steal) at most %.0f%%", 100 * share)));
    return text.toString();
  }

  /** The warning of a drifted run; empty if it did not drift. */
  public Optional<String> warning() {
    if (!drifted()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "The machine's speed drifted: the anchor GEMM"
        + " moved %.0f%% between blocks (limit %.0f%%). Comparisons within this run are paired by"
        + " block, where the drift cancels; absolute figures, and comparisons with other runs,"
        + " move with it.", 100 * drift, 100 * DRIFT_LIMIT));
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
