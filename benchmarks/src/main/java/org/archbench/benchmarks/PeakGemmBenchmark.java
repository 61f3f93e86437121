package org.archbench.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The machine's practical peak: a large float32 matrix product (n x n by n x n, 2n^3 FLOP) through
 * PyTorch's BLAS on every core, measured in the same run as the inference benchmarks. Its secondary
 * metric {@code flop} (FLOP/s) is the denominator of every throughput's share of peak.
 *
 * <p>Alone: {@code java -jar benchmarks/target/benchmarks.jar PeakGemmBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
@State(Scope.Benchmark)
public class PeakGemmBenchmark {

  /** Large enough to run at BLAS's steady state, small enough for a short iteration. */
  @Param({"1024"})
  public int n;

  private NDManager manager;
  private NDArray left;
  private NDArray right;

  @Setup(Level.Trial)
  public void allocate() {
    manager = Engine.getEngine("PyTorch").newBaseManager();
    JniUtils.setNumThreads(Runtime.getRuntime().availableProcessors());
    left = manager.randomUniform(-1, 1, new Shape(n, n));
    right = manager.randomUniform(-1, 1, new Shape(n, n));
  }

  @TearDown(Level.Trial)
  public void release() {
    manager.close();
  }

  @Benchmark
  public void matmul(FlopCounter flops, Blackhole blackhole) {
    try (NDArray product = left.matMul(right)) {
      blackhole.consume(product);
    }
    flops.flop += 2L * n * n * n;
  }
}
