package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.archbench.schema.jmh.Estimate;
import org.archbench.benchmarks.jmh.JmhResults;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JMH runs in forks, without models or dataset: the GEMM peak of both libraries at a small
 * size, with the FLOP counter and both memory profilers, as the launcher wires them.
 */
class JmhRunTest {

  /** The GEMM of size {@code n} in forks of the launcher's JVM options, one warm-up iteration. */
  private static ChainedOptionsBuilder gemm(int n) {
    return new OptionsBuilder()
        .include("^" + PeakGemmBenchmark.class.getName().replace(".", "\\.") + "\\.")
        .param("n", String.valueOf(n))
        .jvmArgsAppend(BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD)
        .warmupIterations(1)
        .shouldFailOnError(true);
  }

  @Test
  void peakGemmReportsItsFlopRateAndMemory() throws Exception {
    int n = 128;
    Collection<RunResult> results = new Runner(gemm(n)
        .forks(1)
        .warmupTime(TimeValue.milliseconds(200))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(300))
        .addProfiler(GCProfiler.class)
        .addProfiler(NativeMemoryProfiler.class)
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

  /**
   * The estimates read JMH's own JSON: three forks of the GEMM, as throughput and as latency
   * samples, give three fork values, an interval around the score, and percentiles of the samples.
   */
  @Test
  void estimatesReadTheForksOfARealJmhRun(@TempDir Path directory) throws Exception {
    Path json = directory.resolve("results.json");
    new Runner(gemm(64)
        .param("library", "onnxruntime")
        .mode(Mode.Throughput)
        .mode(Mode.SampleTime)
        .forks(3)
        .warmupTime(TimeValue.milliseconds(100))
        .measurementIterations(2)
        .measurementTime(TimeValue.milliseconds(200))
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build()).run();
    JmhResults results = JmhResults.read(json);

    for (JmhResults.Record record : results.records()) {
      Estimate estimate = record.estimate(0.03);
      assertEquals(3, estimate.forks(), record.node().path("mode").asText());
      assertTrue(estimate.lower95() <= estimate.value() && estimate.value() <= estimate.upper95());
      // JMH's score pools every iteration, or every sample: with equal iterations per fork it is
      // the arithmetic mean of the fork means, which their geometric mean never exceeds; forks
      // with more samples weigh more in JMH's latency mean.
      boolean sampled = record.node().path("mode").asText().equals("sample");
      assertEquals(record.score(), estimate.value(), 0.1 * record.score());
      if (!sampled) {
        assertTrue(estimate.value() <= record.score() * (1 + 1e-9));
      }
    }
    JmhResults.Record sampled = results.records().stream()
        .filter(record -> record.node().path("mode").asText().equals("sample")).findFirst()
        .orElseThrow();
    Estimate p50 = sampled.percentileEstimate(0.5, 0.03).orElseThrow();
    assertEquals(3, p50.forks());
    assertTrue(p50.samples() > 100, "samples: " + p50.samples());
    assertEquals(sampled.percentile("50.0"), p50.value(), 0.2 * p50.value(),
        "the mean of the forks' medians is near JMH's pooled median");
  }
}
