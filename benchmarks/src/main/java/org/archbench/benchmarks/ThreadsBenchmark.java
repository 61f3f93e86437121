package org.archbench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.archbench.harness.engine.ImageBatch;
import org.archbench.harness.engine.InferenceEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What more cores buy: images/s at batch 32 with one intra-op thread, per engine x architecture
 * (one inter-op thread throughout). All cores at batch 32 is {@link ThroughputBenchmark#batch032},
 * same images and settings, so it is not measured twice; the ratio of the two is the parallel
 * speed-up of the engine's operators on this machine.
 *
 * <p>Alone: {@code java -jar benchmarks/target/benchmarks.jar ThreadsBenchmark -p engine=pytorch};
 * {@code -p threads=1,2,4} scans thread counts ({@code all} is every available core).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
@State(Scope.Benchmark)
public class ThreadsBenchmark {

  /** Batch size of the comparison: large enough for operators to split across threads. */
  static final int BATCH = 32;

  @Param(BenchmarkParameters.REGISTERED)
  public String engine;

  @Param(BenchmarkParameters.REGISTERED)
  public String arch;

  @Param(BenchmarkParameters.REGISTERED)
  public String variant;

  /** Intra-op threads: a count, or {@code all} for every available core. */
  @Param({"1"})
  public String threads;

  private InferenceEngine running;
  private ImageBatch batch;
  private float[] logits;

  @Setup(Level.Trial)
  public void load() {
    int intraOp =
        threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
    running = BenchmarkModels.open(engine, arch, variant,
        BenchmarkModels.withIntraOpThreads(intraOp));
    batch = BenchmarkModels.batchOfTestImages(BATCH);
    logits = new float[BATCH * BenchmarkModels.classes(arch)];
    SteadyWarmup.run(() -> running.run(batch, logits));
  }

  @TearDown(Level.Trial)
  public void close() {
    running.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void batch032(Blackhole blackhole) {
    running.run(batch, logits);
    blackhole.consume(logits);
  }
}
