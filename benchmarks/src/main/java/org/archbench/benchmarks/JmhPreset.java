package org.archbench.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.archbench.harness.Preset;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What each preset spends on JMH. A fork costs about two seconds before it measures anything (JVM,
 * engine and model start), and every engine x architecture x benchmark method is a fork of its own,
 * so the smaller presets run fewer methods rather than only shorter iterations.
 *
 * @param steadyState the steady-state benchmark methods, as JMH include patterns
 * @param rounds rounds of the steady-state benchmarks, one fork of each configuration per round
 *     ({@link RoundPlan}): the fewest forks behind each steady-state figure
 * @param maximumRounds the most rounds: after {@code rounds}, a configuration with a figure not yet
 *     ok runs another fork per round while {@code budget} lasts ({@link SteadyStateRounds})
 * @param budget the steady-state rounds' time beyond which no further round starts a fork; the
 *     first {@code rounds} always run in full
 * @param warmupWindow a window of the warm-up until steady ({@link SteadyWarmup}), which each
 *     fork's setup runs before JMH's own warm-up iterations
 * @param maximumWarmupWindows the most windows of that warm-up, after which the fork's figures read
 *     "not steady"
 * @param warmupIterations JMH's warm-up iterations per fork, after the warm-up until steady
 * @param warmupTime length of each warm-up iteration
 * @param measurementIterations measurement iterations per fork
 * @param measurementTime length of each measurement iteration
 * @param coldStart the cold-start benchmark methods, as JMH include patterns
 * @param coldStartForks forks per cold-start benchmark, each one cold start of the engine
 * @param overheadForks forks of the ONNX Runtime overhead question (0 skips it): its two paths
 *     alternate in the same fork, and a few percent wants the samples of three forks or more
 */
record JmhPreset(
    List<String> steadyState,
    int rounds,
    int maximumRounds,
    Duration budget,
    Duration warmupWindow,
    int maximumWarmupWindows,
    int warmupIterations,
    TimeValue warmupTime,
    int measurementIterations,
    TimeValue measurementTime,
    List<String> coldStart,
    int coldStartForks,
    int overheadForks) {

  private static final List<String> ALL_STEADY_STATE = List.of(every(ThroughputBenchmark.class),
      every(LatencyBenchmark.class), every(ThreadsBenchmark.class), every(PeakGemmBenchmark.class));
  private static final List<String> ALL_COLD_START = List.of(every(ColdStartBenchmark.class));

  static JmhPreset of(Preset preset) {
    return switch (preset) {
      // Every engine x architecture through throughput (with the gc and native memory profilers)
      // and latency in two rounds, so that their forks are merged, every engine's start, and the
      // GEMM peak: proves the stage works, measures nothing.
      case SMOKE -> new JmhPreset(
          List.of(method(ThroughputBenchmark.class, "batch032"), every(LatencyBenchmark.class),
              every(PeakGemmBenchmark.class)),
          2, 2, Duration.ZERO, Duration.ofMillis(100), 3, 0, TimeValue.milliseconds(200), 1,
          TimeValue.milliseconds(300),
          List.of(method(ColdStartBenchmark.class, "engineStart")), 1, 0);
      case QUICK -> new JmhPreset(ALL_STEADY_STATE, 2, 4, Duration.ofMinutes(4),
          Duration.ofMillis(250), 8, 0, TimeValue.milliseconds(500), 2,
          TimeValue.milliseconds(500), ALL_COLD_START, 1, 1);
      // Half-second iterations: the fork is the unit, and forks differ more than a fork's
      // iterations do (a median 5.3% between forks' means against 2.0% between one fork's two
      // 0.75 s iterations, on a 2-core host), so longer iterations narrow no interval that matters.
      case STANDARD -> new JmhPreset(ALL_STEADY_STATE, 3, 8, Duration.ofMinutes(15),
          Duration.ofMillis(300), 8, 0, TimeValue.seconds(1), 2,
          TimeValue.milliseconds(500), ALL_COLD_START, 1, 3);
      case FULL -> new JmhPreset(ALL_STEADY_STATE, 3, 12, Duration.ofMinutes(90),
          Duration.ofSeconds(1), 20, 2, TimeValue.seconds(3), 10,
          TimeValue.seconds(3), ALL_COLD_START, 5, 5);
    };
  }

  /** The forks' JVM options of the warm-up until steady, to {@code tolerance} (0.03). */
  List<String> warmupJvmArgs(double tolerance) {
    return List.of("-D" + SteadyWarmup.WINDOW_PROPERTY + "=" + warmupWindow.toMillis(),
        "-D" + SteadyWarmup.MAXIMUM_PROPERTY + "=" + maximumWarmupWindows,
        "-D" + SteadyWarmup.TOLERANCE_PROPERTY + "=" + tolerance);
  }

  /** {@code options} with this preset's warm-up and measurement iterations. */
  ChainedOptionsBuilder iterations(ChainedOptionsBuilder options) {
    return options
        .warmupIterations(warmupIterations)
        .warmupTime(warmupTime)
        .measurementIterations(measurementIterations)
        .measurementTime(measurementTime);
  }

  /** Every benchmark method of {@code benchmark}. */
  static String every(Class<?> benchmark) {
    return "^" + Pattern.quote(benchmark.getName()) + "\\.";
  }

  /** One benchmark method. */
  static String method(Class<?> benchmark, String name) {
    return "^" + Pattern.quote(benchmark.getName() + "." + name) + "$";
  }
}
