package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configurations come from JMH's benchmark list and the registries. */
class BenchmarkPlanTest {

  private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(BenchmarkParameters.ARCH, List.of("mlp", "cnn"));
    VALUES.put(BenchmarkParameters.ENGINE, List.of("onnxruntime", "pytorch"));
    VALUES.put(BenchmarkParameters.VARIANT, List.of("float32"));
  }

  @Test
  void aMethodRunsOnceForEveryRegistryValueItDeclares() {
    BenchmarkPlan plan = BenchmarkPlan.of(List.of(
        JmhPreset.method(ThroughputBenchmark.class, "batch032"),
        JmhPreset.every(PeakGemmBenchmark.class)), VALUES);

    // The throughput method declares arch, engine and variant: 2 x 2 x 1. The GEMM declares its
    // own library (two values) and size (one): a configuration per library.
    assertEquals(6, plan.configurations().size());
    assertEquals(4, plan.configurations().stream()
        .filter(c -> c.benchmark().endsWith("ThroughputBenchmark.batch032")).count());
    assertEquals(List.of(Map.of("library", "pytorch", "n", "1024"),
        Map.of("library", "onnxruntime", "n", "1024")), plan.configurations().stream()
        .filter(c -> c.benchmark().endsWith("PeakGemmBenchmark.matmul"))
        .map(BenchmarkPlan.Configuration::params).toList());
    assertEquals("ThroughputBenchmark.batch032 arch=mlp engine=onnxruntime variant=float32",
        plan.configurations().get(2).label(), "JMH sorts its list: the GEMM first");
  }
}
