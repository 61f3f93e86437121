package org.archbench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.archbench.harness.engine.ImageBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Images per second of every engine x architecture at batch 32 and 256, with all cores within an
 * operator. One method per batch size, each with {@code @OperationsPerInvocation} equal to its batch,
 * so the score is images/s; the secondary metric {@code flop} is the achieved FLOP/s (2 x MACs x
 * images/s). Batch 1 has no method here: {@link LatencyBenchmark} times the same one-image calls
 * back to back, and the reciprocal of its forks' mean latencies is the batch-1 rate, which saves a
 * fifth of the steady-state forks. The input is a direct, native-order buffer of real test
 * images, reused by every call; the logits go to a Blackhole.
 *
 * <p>Alone, from the project root after {@code archbench export}: {@code java -jar
 * benchmarks/target/benchmarks.jar ThroughputBenchmark -p engine=onnxruntime -p arch=cnn}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
public class ThroughputBenchmark {

  /** The two batches of test images, filled once. */
  @State(Scope.Benchmark)
  public static class Batches {
    ImageBatch thirtyTwo;
    ImageBatch twoFiftySix;

    @Setup(Level.Trial)
    public void fill() {
      thirtyTwo = BenchmarkModels.batchOfTestImages(32);
      twoFiftySix = BenchmarkModels.batchOfTestImages(LoadedModel.MAX_BATCH);
    }
  }

  @Benchmark
  @OperationsPerInvocation(32)
  public void batch032(LoadedModel model, Batches batches, FlopCounter flops, Blackhole blackhole) {
    flops.flop += model.run(batches.thirtyTwo, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(LoadedModel.MAX_BATCH)
  public void batch256(LoadedModel model, Batches batches, FlopCounter flops, Blackhole blackhole) {
    flops.flop += model.run(batches.twoFiftySix, blackhole);
  }
}
