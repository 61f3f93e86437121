package org.archbench.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.archbench.harness.engine.OrtSessions;
import org.archbench.harness.export.GemmModel;
import org.archbench.harness.export.OnnxContract;
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
 * The machine's practical peak: a large float32 matrix product (n x n by n x n, 2n^3 FLOP) on every
 * core, through each engine family's own GEMM: PyTorch's BLAS and ONNX Runtime's MLAS. They differ
 * by CPU (MKL, for one, takes a generic path on AMD), so the peak is the better of the two, measured
 * in the same run as the inference benchmarks. The secondary metric {@code flop} (FLOP/s) is the
 * denominator of every throughput's share of peak.
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

  /** Large enough to run at the GEMM's steady state, small enough for a short iteration. */
  @Param({"1024"})
  public int n;

  /** Whose GEMM: {@code pytorch} or {@code onnxruntime}. */
  @Param({"pytorch", "onnxruntime"})
  public String library;

  private Consumer<Blackhole> product;
  private AutoCloseable resources;

  /** In a fork serving turns ({@link TurnServer}), the product of its first turn, kept. */
  private static Consumer<Blackhole> kept;

  @Setup(Level.Trial)
  public void allocate() throws OrtException {
    if (TurnServer.serving() && kept != null) {
      product = kept;
      resources = () -> {};
      return;
    }
    allocateNew();
    if (TurnServer.serving()) {
      kept = product;
      // The process ends with the stage; the fork's one product is never released before.
      resources = () -> {};
    }
  }

  private void allocateNew() throws OrtException {
    int cores = Runtime.getRuntime().availableProcessors();
    if (library.equals("pytorch")) {
      NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
      JniUtils.setNumThreads(cores);
      NDArray left = manager.randomUniform(-1, 1, new Shape(n, n));
      NDArray right = manager.randomUniform(-1, 1, new Shape(n, n));
      product = blackhole -> {
        try (NDArray result = left.matMul(right)) {
          blackhole.consume(result);
        }
      };
      resources = manager;
    } else {
      OrtEnvironment environment = OrtSessions.environment();
      OrtSession.SessionOptions options =
          OrtSessions.options(BenchmarkModels.withIntraOpThreads(cores));
      OrtSession session = environment.createSession(GemmModel.of(n, 42), options);
      FloatBuffer values =
          ByteBuffer.allocateDirect(n * n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
      for (int i = 0; i < n * n; i++) {
        values.put(i, (i % 7) / 7f - 0.5f);
      }
      OnnxTensor left = OnnxTensor.createTensor(environment, values, new long[] {n, n});
      Map<String, OnnxTensor> inputs = Map.of(OnnxContract.INPUT, left);
      product = blackhole -> {
        try (OrtSession.Result result = session.run(inputs)) {
          blackhole.consume(result.get(0));
        } catch (OrtException e) {
          throw new IllegalStateException(e);
        }
      };
      resources = () -> {
        left.close();
        session.close();
        options.close();
      };
    }
  }

  @TearDown(Level.Trial)
  public void release() throws Exception {
    resources.close();
  }

  @Benchmark
  public void matmul(FlopCounter flops, Blackhole blackhole) {
    product.accept(blackhole);
    flops.flop += 2L * n * n * n;
  }
}
