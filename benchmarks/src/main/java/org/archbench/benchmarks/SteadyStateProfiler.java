package org.archbench.benchmarks;

import java.util.Collection;
import java.util.List;
import org.archbench.benchmarks.jmh.JmhResults;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * The fork's warm-up ({@link SteadyWarmup}) as secondary metrics of every measurement iteration:
 * {@code warmup.steady} (1 if it reached steady state, else 0) and {@code warmup.windows}. A
 * benchmark without such a warm-up (the GEMM, cold start) reports neither.
 *
 * <p>Use: {@code -prof org.archbench.benchmarks.SteadyStateProfiler}.
 */
public final class SteadyStateProfiler implements InternalProfiler {

  @Override
  public String getDescription() {
    return "Whether the fork's warm-up reached steady state, and in how many windows";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {}

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    SteadyWarmup.Outcome outcome = SteadyWarmup.last();
    if (iterationParams.getType() != IterationType.MEASUREMENT || outcome == null) {
      return List.of();
    }
    return List.of(
        new ScalarResult(JmhResults.Record.WARMUP_STEADY, outcome.steady() ? 1 : 0, "", AggregationPolicy.MIN),
        new ScalarResult("warmup.windows", outcome.windows(), "", AggregationPolicy.MAX));
  }
}
