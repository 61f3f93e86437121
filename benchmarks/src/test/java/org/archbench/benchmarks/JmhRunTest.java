package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;

/**
 * Real JMH runs in forks, without models or dataset: the GEMM peak of both libraries at a small
 * size, with the FLOP counter and both memory profilers, as the launcher wires them.
 */
class JmhRunTest {

  @Test
  void peakGemmReportsItsFlopRateAndMemory() throws Exception {
    int n = 128;
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include("^" + PeakGemmBenchmark.class.getName().replace(".", "\\.") + "\\.")
        .param("n", String.valueOf(n))
        .forks(1)
        .jvmArgsAppend(BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(200))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(300))
        .addProfiler(GCProfiler.class)
        .addProfiler(NativeMemoryProfiler.class)
        .shouldFailOnError(true)
        .build()).run();

    assertEquals(List.of("onnxruntime", "pytorch"), results.stream()
        .map(result -> result.getParams().getParam("library")).sorted().toList());
    for (RunResult result : results) {
      Map<String, Result> secondary = result.getSecondaryResults();
      double productsPerSecond = result.getPrimaryResult().getScore();
      assertTrue(productsPerSecond > 0);
      assertEquals(productsPerSecond * 2.0 * n * n * n, secondary.get("flop").getScore(),
          productsPerSecond * 2.0 * n * n * n * 1e-6, "FLOP/s is products/s x 2n^3");
      assertTrue(secondary.get("native.rssAnon").getScore() > 0, secondary.keySet().toString());
      assertTrue(secondary.get("native.peakRss").getScore() > 0);
      assertTrue(secondary.containsKey("gc.alloc.rate"), secondary.keySet().toString());
    }
  }
}
