package org.archbench.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.archbench.harness.engine.ImageBatch;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.engine.OrtSessions;
import org.archbench.harness.export.OnnxContract;
import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.engine.EngineSettings;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Does archbench's ONNX Runtime path cost anything over ONNX Runtime itself? Two paths run the same
 * .onnx file at batch 1 with the same session options, one intra-op thread:
 *
 * <ul>
 *   <li>the baseline, a plain loop calling {@code OrtSession.run} on one tensor created once,
 *       copying the logits out;
 *   <li>the harness's {@code onnxruntime} engine, as every other benchmark and the evaluation call it.
 * </ul>
 *
 * <p>They alternate call by call in the same fork, each call timed, and the secondary metrics
 * {@code plainNanos} and {@code archbenchNanos} sum each path's time: their ratio is the overhead.
 * Why paired: on a shared machine a whole fork runs fast or slow (mlp's p50 sits near 14.5 or near
 * 19 us, whichever path runs), so comparing paths measured in different forks compares forks. Why
 * one thread: with a pool, how its workers are scheduled adds a second such mode. The order of the
 * two calls flips every invocation, so neither path always runs warm after the other.
 *
 * <p>Alone: {@code java -jar benchmarks/target/benchmarks.jar OnnxRuntimeOverheadBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
@State(Scope.Benchmark)
public class OnnxRuntimeOverheadBenchmark {

  @Param(BenchmarkParameters.REGISTERED)
  public String arch;

  /** Each path's time, summed over an iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class PathTimes {
    /** Nanoseconds in the plain OrtSession loop. */
    public long plainNanos;
    /** Nanoseconds in archbench's engine. */
    public long archbenchNanos;

    @Setup(Level.Iteration)
    public void reset() {
      plainNanos = 0;
      archbenchNanos = 0;
    }
  }

  private ImageBatch image;
  private float[] logits;
  private InferenceEngine engine;
  private OrtSession.SessionOptions options;
  private OrtSession session;
  private OnnxTensor tensor;
  private Map<String, OnnxTensor> inputs;
  private boolean plainFirst;

  @Setup(Level.Trial)
  public void load() throws IOException, OrtException {
    EngineSettings settings = BenchmarkModels.withIntraOpThreads(1);
    image = BenchmarkModels.batchOfTestImages(1);
    logits = new float[BenchmarkModels.classes(arch)];
    ModelFiles files = BenchmarkModels.files(arch);
    OrtEnvironment environment = OrtSessions.environment();
    options = OrtSessions.options(settings);
    session = environment.createSession(files.verifiedOnnx().toString(), options);
    engine = BenchmarkModels.open("onnxruntime", arch, ModelVariantIds.FLOAT32, settings);
    tensor = OnnxTensor.createTensor(environment, image.floats(),
        new long[] {1, files.spec().input().channels(), files.spec().input().height(),
            files.spec().input().width()});
    inputs = Map.of(OnnxContract.INPUT, tensor);
  }

  @TearDown(Level.Trial)
  public void close() throws OrtException {
    tensor.close();
    session.close();
    options.close();
    engine.close();
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void bothPaths(PathTimes times, Blackhole blackhole) throws OrtException {
    plainFirst = !plainFirst;
    if (plainFirst) {
      times.plainNanos += plain();
      times.archbenchNanos += archbench();
    } else {
      times.archbenchNanos += archbench();
      times.plainNanos += plain();
    }
    blackhole.consume(logits);
  }

  private long plain() throws OrtException {
    long start = System.nanoTime();
    try (OrtSession.Result result = session.run(inputs)) {
      ((OnnxTensor) result.get(0)).getFloatBuffer().get(logits);
    }
    return System.nanoTime() - start;
  }

  private long archbench() {
    long start = System.nanoTime();
    engine.run(image, logits);
    return System.nanoTime() - start;
  }
}
