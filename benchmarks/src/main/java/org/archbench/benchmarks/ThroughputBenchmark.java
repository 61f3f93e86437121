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
 * Images per second of every engine x architecture at batch 1, 32 and 256, with all cores within an
 * operator. One method per batch size, each with {@code @OperationsPerInvocation} equal to its batch,
 * so the score is images/s; the secondary metric {@code flop} is the achieved FLOP/s (2 x MACs x
 * images/s). The input is a direct, native-order buffer of real test images, reused by every call;
 * the logits go to a Blackhole.
 *
 * <p>Alone: {@code java -jar benchmarks/target/benchmarks.jar ThroughputBenchmark -p engine=onnxruntime
 * -p arch=cnn -Dbench.out=target/bench} (from the project root, after {@code archbench export}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
@State(Scope.Benchmark)
public class ThroughputBenchmark {

  @Param({"onnxruntime", "pytorch", "djl-onnxruntime"})
  public String engine;

  @Param({"mlp", "cnn", "secnn", "resnet", "vgg"})
  public String arch;

  private InferenceEngine running;
  private ImageBatch one;
  private ImageBatch thirtyTwo;
  private ImageBatch twoFiftySix;
  private float[] logits;
  private long flopsPerImage;

  @Setup(Level.Trial)
  public void load() {
    running = BenchmarkModels.open(engine, arch, BenchmarkModels.settings());
    one = BenchmarkModels.batchOfTestImages(1);
    thirtyTwo = BenchmarkModels.batchOfTestImages(32);
    twoFiftySix = BenchmarkModels.batchOfTestImages(256);
    logits = new float[256 * BenchmarkModels.classes(arch)];
    flopsPerImage = BenchmarkModels.flopsPerImage(arch);
  }

  @TearDown(Level.Trial)
  public void close() {
    running.close();
  }

  @Benchmark
  @OperationsPerInvocation(1)
  public void batch001(FlopCounter flops, Blackhole blackhole) {
    run(one, flops, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(32)
  public void batch032(FlopCounter flops, Blackhole blackhole) {
    run(thirtyTwo, flops, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(256)
  public void batch256(FlopCounter flops, Blackhole blackhole) {
    run(twoFiftySix, flops, blackhole);
  }

  private void run(ImageBatch batch, FlopCounter flops, Blackhole blackhole) {
    running.run(batch, logits);
    blackhole.consume(logits);
    flops.flop += flopsPerImage * batch.size();
  }
}
