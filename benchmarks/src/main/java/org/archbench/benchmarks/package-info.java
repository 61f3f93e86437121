/**
 * JMH inference benchmarks, one class per question: {@link ThroughputBenchmark},
 * {@link LatencyBenchmark}, {@link ColdStartBenchmark}, {@link ThreadsBenchmark},
 * {@link OnnxRuntimeOverheadBenchmark} and {@link PeakGemmBenchmark}; {@link NativeMemoryProfiler}
 * adds native memory to every result, and {@link BenchmarkLauncher} runs them all for the bench
 * profile.
 */
package org.archbench.benchmarks;
