/**
 * JMH inference benchmarks, one class per question: {@link ThroughputBenchmark},
 * {@link LatencyBenchmark}, {@link ColdStartBenchmark}, {@link ThreadsBenchmark},
 * {@link OnnxRuntimeOverheadBenchmark} and {@link PeakGemmBenchmark}; {@link NativeMemoryProfiler}
 * adds native memory to every result, and {@link BenchmarkLauncher} runs them all with a
 * preset's budget ({@code archbench bench}).
 */
package org.archbench.benchmarks;
