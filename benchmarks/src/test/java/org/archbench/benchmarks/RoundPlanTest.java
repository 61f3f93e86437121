package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rounds' configurations come from JMH's benchmark list; their order is the seed's. */
class RoundPlanTest {

  private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(BenchmarkParameters.ARCH, List.of("mlp", "cnn"));
    VALUES.put(BenchmarkParameters.ENGINE, List.of("onnxruntime", "pytorch"));
    VALUES.put(BenchmarkParameters.VARIANT, List.of("float32"));
  }

  @Test
  void aMethodRunsOnceForEveryRegistryValueItDeclares() {
    RoundPlan plan = RoundPlan.of(List.of(JmhPreset.method(ThroughputBenchmark.class, "batch032"),
        JmhPreset.every(PeakGemmBenchmark.class)), VALUES, 3, 1);

    // The throughput method declares arch, engine and variant: 2 x 2 x 1. The GEMM declares its
    // own library (two values) and size (one): a configuration per library.
    assertEquals(6, plan.configurations().size());
    assertEquals(4, plan.configurations().stream()
        .filter(c -> c.benchmark().endsWith("ThroughputBenchmark.batch032")).count());
    assertEquals(List.of(Map.of("library", "pytorch", "n", "1024"),
        Map.of("library", "onnxruntime", "n", "1024")), plan.configurations().stream()
        .filter(c -> c.benchmark().endsWith("PeakGemmBenchmark.matmul"))
        .map(RoundPlan.Configuration::params).toList());
    assertEquals("ThroughputBenchmark.batch032 arch=mlp engine=onnxruntime variant=float32",
        plan.configurations().get(2).label(), "JMH sorts its list: the GEMM first");
  }

  @Test
  void everyRoundRunsEveryConfigurationInAnOrderOfItsSeed() {
    RoundPlan plan = RoundPlan.of(List.of(JmhPreset.every(ThroughputBenchmark.class)), VALUES, 3, 7);

    assertEquals(8, plan.configurations().size());
    for (int round = 1; round <= 3; round++) {
      assertEquals(new HashSet<>(plan.configurations()), new HashSet<>(plan.order(round)));
    }
    assertNotEquals(plan.order(1), plan.order(2));
    assertEquals(plan.order(2), RoundPlan.of(List.of(JmhPreset.every(ThroughputBenchmark.class)),
        VALUES, 3, 7).order(2), "the same seed, the same orders");
  }

  @Test
  void aLaterRoundShufflesOnlyTheConfigurationsStillPending() {
    RoundPlan plan = RoundPlan.of(List.of(JmhPreset.every(ThroughputBenchmark.class)), VALUES, 3, 7);
    List<RoundPlan.Configuration> pending = plan.configurations().subList(2, 7);

    List<RoundPlan.Configuration> order = plan.order(4, pending);

    assertEquals(new HashSet<>(pending), new HashSet<>(order));
    assertEquals(order, plan.order(4, pending), "seeded");
  }
}
