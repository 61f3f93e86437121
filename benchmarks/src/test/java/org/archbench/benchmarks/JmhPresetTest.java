package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.archbench.harness.Preset;
import org.junit.jupiter.api.Test;

/** Which benchmark methods each preset runs: JMH treats the includes as regular expressions. */
class JmhPresetTest {

  private static final List<String> BENCHMARKS = List.of(
      "org.archbench.benchmarks.ThroughputBenchmark.batch032",
      "org.archbench.benchmarks.ThroughputBenchmark.batch256",
      "org.archbench.benchmarks.LatencyBenchmark.batch001",
      "org.archbench.benchmarks.ThreadsBenchmark.batch032",
      "org.archbench.benchmarks.PeakGemmBenchmark.matmul",
      "org.archbench.benchmarks.ColdStartBenchmark.engineStart",
      "org.archbench.benchmarks.ColdStartBenchmark.modelLoad",
      "org.archbench.benchmarks.ColdStartBenchmark.firstInference");

  @Test
  void smokeRunsOneThroughputBatchLatencyThePeakAndEngineStartOnly() {
    JmhPreset smoke = JmhPreset.of(Preset.SMOKE);

    assertEquals(List.of("ThroughputBenchmark.batch032", "LatencyBenchmark.batch001",
        "PeakGemmBenchmark.matmul"), selected(smoke.steadyState()));
    assertEquals(List.of("ColdStartBenchmark.engineStart"), selected(smoke.coldStart()));
    assertEquals(0, smoke.overheadForks());
    assertEquals(0, smoke.threadsForks());
  }

  @Test
  void theOtherPresetsRunEveryQuestion() {
    for (Preset preset : List.of(Preset.QUICK, Preset.STANDARD, Preset.FULL)) {
      JmhPreset budget = JmhPreset.of(preset);

      assertEquals(4, selected(budget.steadyState()).size(), preset.id());
      assertEquals(List.of("ThreadsBenchmark.batch032"), selected(budget.threads()), preset.id());
      assertEquals(3, selected(budget.coldStart()).size(), preset.id());
    }
  }

  private static List<String> selected(List<String> includes) {
    return BENCHMARKS.stream()
        .filter(name -> includes.stream().anyMatch(p -> Pattern.compile(p).matcher(name).find()))
        .map(name -> name.substring("org.archbench.benchmarks.".length()))
        .toList();
  }
}
