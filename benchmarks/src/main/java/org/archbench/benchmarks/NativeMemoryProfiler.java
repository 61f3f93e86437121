package org.archbench.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.archbench.harness.memory.ProcessMemory;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * Native memory of the benchmark JVM, from /proc/self/status, as secondary metrics of every
 * benchmark: {@code native.rssAnon} (anonymous resident memory after each measurement iteration:
 * heap, tensors, arenas) and {@code native.peakRss} (VmHWM, the peak resident set). The peak is reset
 * through /proc/self/clear_refs before the first measurement iteration, so it covers measurement
 * only, not loading or warm-up; where the kernel refuses the reset, it says so and the peak is the
 * fork's.
 *
 * <p>Use: {@code -prof org.archbench.benchmarks.NativeMemoryProfiler}. Linux only; elsewhere it
 * reports nothing.
 */
public final class NativeMemoryProfiler implements InternalProfiler {

  private static final double MIB = 1024.0 * 1024.0;

  private boolean peakReset;

  @Override
  public String getDescription() {
    return "RssAnon and peak RSS (VmHWM) of the benchmark JVM from /proc/self/status, in MiB";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    if (iterationParams.getType() == IterationType.MEASUREMENT && !peakReset) {
      peakReset = true;
      if (!ProcessMemory.resetPeakRss()) {
        System.err.println("NativeMemoryProfiler: /proc/self/clear_refs refused the peak reset;"
            + " native.peakRss includes loading and warm-up");
      }
    }
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    if (iterationParams.getType() != IterationType.MEASUREMENT) {
      return List.of();
    }
    List<Result> results = new ArrayList<>();
    ProcessMemory.rssAnonBytes().ifPresent(bytes -> results.add(
        new ScalarResult("native.rssAnon", bytes / MIB, "MiB", AggregationPolicy.MAX)));
    ProcessMemory.peakRssBytes().ifPresent(bytes -> results.add(
        new ScalarResult("native.peakRss", bytes / MIB, "MiB", AggregationPolicy.MAX)));
    return results;
  }
}
