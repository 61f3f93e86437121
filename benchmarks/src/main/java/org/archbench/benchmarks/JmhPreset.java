package org.archbench.benchmarks;

import org.archbench.harness.Preset;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What each preset spends on JMH: forks, warm-up and measurement iterations of the steady-state
 * benchmarks, and forks of the cold-start ones (whose iterations their annotations fix, since only a
 * fork's first engine start is cold).
 *
 * @param forks forks per steady-state benchmark
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime length of each warm-up iteration
 * @param measurementIterations measurement iterations per fork
 * @param measurementTime length of each measurement iteration
 * @param coldStartForks forks per cold-start benchmark, each one cold start
 * @param overheadForks forks of the ONNX Runtime overhead question: its two paths alternate in the
 *     same fork, and a few percent wants the samples of three forks or more
 */
record JmhPreset(
    int forks,
    int warmupIterations,
    TimeValue warmupTime,
    int measurementIterations,
    TimeValue measurementTime,
    int coldStartForks,
    int overheadForks) {

  static JmhPreset of(Preset preset) {
    return switch (preset) {
      // About a second per benchmark: proves every engine x architecture runs, measures nothing.
      case SMOKE ->
          new JmhPreset(1, 1, TimeValue.milliseconds(400), 1, TimeValue.milliseconds(600), 1, 1);
      case QUICK -> new JmhPreset(1, 1, TimeValue.seconds(1), 3, TimeValue.seconds(1), 1, 3);
      case STANDARD -> new JmhPreset(1, 2, TimeValue.seconds(2), 5, TimeValue.seconds(2), 3, 3);
      case FULL -> new JmhPreset(3, 5, TimeValue.seconds(3), 10, TimeValue.seconds(3), 5, 5);
    };
  }
}
