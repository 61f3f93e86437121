package org.archbench.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.archbench.harness.Preset;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What each preset spends on JMH. The steady-state benchmarks' forks start once (JVM, engine and
 * model: seconds each) and then measure in turns, so their cost is the setup plus the blocks; the
 * parts run as forks (one thread, overhead, cold start) pay a fork's start for each measurement,
 * so the smaller presets run fewer of them rather than only shorter iterations.
 *
 * @param steadyState the steady-state benchmark methods, as JMH include patterns, measured in
 *     blocks ({@link BlockCoordinator})
 * @param pilotBlocks the pilot blocks of each steady-state benchmark, which every configuration
 *     takes a turn in: the fewest blocks behind each figure and comparison
 * @param maximumBlocks the most counted blocks of a benchmark: after the pilot, blocks go only to
 *     configurations with a comparison not yet decided, while {@code budget} lasts; a block of a
 *     few configurations takes a second or two, so the budget is what ends them
 * @param budget the blocks' time beyond which no further block starts; the settling and pilot
 *     blocks always run in full
 * @param settlingBlocks blocks of each benchmark run before the pilot and not counted: a fork's
 *     JIT and caches settle over its first turns
 * @param turnTime a turn's measurement time (a slow batch-1 latency gets longer turns)
 * @param threads the one-thread benchmark methods, run as JMH forks of their own (a fork serving
 *     turns keeps one engine with all cores, and PyTorch's thread count is the process's)
 * @param threadsForks forks of each one-thread configuration (float32 models only; 0 skips them)
 * @param warmupWindow a window of the warm-up until steady ({@link SteadyWarmup}), which each
 *     fork's setup runs before JMH's own warm-up iterations
 * @param maximumWarmupWindows the most windows of that warm-up, after which the fork's figures read
 *     "not steady"
 * @param warmupIterations JMH's warm-up iterations per fork of the parts run as forks (overhead,
 *     threads), after the warm-up until steady
 * @param warmupTime length of each warm-up iteration
 * @param measurementIterations measurement iterations per such fork
 * @param measurementTime length of each measurement iteration
 * @param coldStart the cold-start benchmark methods, as JMH include patterns
 * @param coldStartForks forks per cold-start benchmark, each one cold start of the engine
 * @param overheadForks forks of the ONNX Runtime overhead question (0 skips it): its two paths
 *     alternate in the same fork, and a few percent wants the samples of three forks or more
 */
record JmhPreset(
    List<String> steadyState,
    int pilotBlocks,
    int maximumBlocks,
    Duration budget,
    int settlingBlocks,
    Duration turnTime,
    List<String> threads,
    int threadsForks,
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
      every(LatencyBenchmark.class), every(PeakGemmBenchmark.class));
  private static final List<String> THREADS = List.of(every(ThreadsBenchmark.class));
  private static final List<String> ALL_COLD_START = List.of(every(ColdStartBenchmark.class));

  static JmhPreset of(Preset preset) {
    return switch (preset) {
      // Every engine x architecture through throughput (with the gc and native memory profilers)
      // and latency in two blocks, every engine's start, and the GEMM peak: proves the stage
      // works, measures nothing.
      case SMOKE -> new JmhPreset(
          List.of(method(ThroughputBenchmark.class, "batch032"), every(LatencyBenchmark.class),
              every(PeakGemmBenchmark.class)),
          2, 2, Duration.ZERO, 1, Duration.ofMillis(100), List.of(), 0,
          Duration.ofMillis(100), 3, 0, TimeValue.milliseconds(200), 1,
          TimeValue.milliseconds(300),
          List.of(method(ColdStartBenchmark.class, "engineStart")), 1, 0);
      case QUICK -> new JmhPreset(ALL_STEADY_STATE, 4, 60, Duration.ofMinutes(3), 1,
          Duration.ofMillis(200), THREADS, 1,
          Duration.ofMillis(250), 8, 0, TimeValue.milliseconds(500), 2,
          TimeValue.milliseconds(500), ALL_COLD_START, 1, 1);
      // Turns of 300 ms: a block of every configuration lasts seconds, short against the host's
      // drift, and the comparisons need blocks more than long turns (Kalibera and Jones: spend
      // repetitions where the variance is, here between blocks).
      case STANDARD -> new JmhPreset(ALL_STEADY_STATE, 6, 300, Duration.ofMinutes(9), 2,
          Duration.ofMillis(300), THREADS, 2,
          Duration.ofMillis(300), 8, 0, TimeValue.seconds(1), 2,
          TimeValue.milliseconds(500), ALL_COLD_START, 1, 3);
      case FULL -> new JmhPreset(ALL_STEADY_STATE, 10, 1000, Duration.ofMinutes(60), 3,
          Duration.ofSeconds(1), THREADS, 5,
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
