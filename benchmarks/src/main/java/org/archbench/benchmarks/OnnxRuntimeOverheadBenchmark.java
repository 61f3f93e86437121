package org.archbench.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.archbench.harness.engine.EngineSettings;
import org.archbench.harness.engine.ImageBatch;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.engine.ModelFiles;
import org.archbench.harness.engine.OrtSessions;
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
 * Does archbench's ONNX Runtime path cost anything over ONNX Runtime itself? Both paths run the
 * same .onnx file at batch 1 with the same session options:
 *
 * <ul>
 *   <li>{@code path=plain}: the baseline, a plain loop calling {@code OrtSession.run} on one tensor
 *       created once, copying the logits out;
 *   <li>{@code path=archbench}: the harness's {@code onnxruntime} engine, as every other benchmark
 *       and the evaluation call it.
 * </ul>
 *
 * <p>Sampled time per call in microseconds; compare the p50s, which one slow call in a thousand
 * does not move as it moves a mean. The harness should stay within 5% of the baseline. The path is
 * the innermost parameter, so that the two paths of an architecture run in adjacent forks: on a
 * shared machine a fork's speed drifts with time (mlp's p50 sits near 14.5 or near 19 us, whichever
 * path runs), and forks far apart in time would compare the drift, not the paths.
 * Alone: {@code java -jar benchmarks/target/benchmarks.jar OnnxRuntimeOverheadBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
@State(Scope.Benchmark)
public class OnnxRuntimeOverheadBenchmark {

  @Param({"mlp", "cnn", "secnn", "resnet", "vgg"})
  public String arch;

  /** {@code plain} or {@code archbench}. */
  @Param({"plain", "archbench"})
  public String path;

  private ImageBatch image;
  private float[] logits;
  private InferenceEngine engine;
  private OrtSession.SessionOptions options;
  private OrtSession session;
  private OnnxTensor tensor;
  private Map<String, OnnxTensor> inputs;
  private boolean plain;

  @Setup(Level.Trial)
  public void load() throws IOException, OrtException {
    // One intra-op thread: the question is what the Java side adds, and with a thread pool the
    // scheduling of its workers puts whole forks into a fast or a slow mode (resnet: about 240 or
    // 335 us at p50, whichever path runs), which would drown a few percent.
    EngineSettings settings = BenchmarkModels.withIntraOpThreads(1);
    image = BenchmarkModels.batchOfTestImages(1);
    logits = new float[BenchmarkModels.classes(arch)];
    ModelFiles files = BenchmarkModels.files(arch);
    OrtEnvironment environment = OrtSessions.environment();
    options = OrtSessions.options(settings);
    session = environment.createSession(files.onnx().toString(), options);
    engine = BenchmarkModels.open("onnxruntime", arch, settings);
    tensor = OnnxTensor.createTensor(environment, image.floats(),
        new long[] {1, files.spec().input().channels(), files.spec().input().height(),
            files.spec().input().width()});
    inputs = Map.of(OnnxContract.INPUT, tensor);
    plain = path.equals("plain");
  }

  @TearDown(Level.Trial)
  public void close() throws OrtException {
    tensor.close();
    session.close();
    options.close();
    engine.close();
  }

  @Benchmark
  public void batch001(Blackhole blackhole) throws OrtException {
    if (plain) {
      try (OrtSession.Result result = session.run(inputs)) {
        ((OnnxTensor) result.get(0)).getFloatBuffer().get(logits);
      }
    } else {
      engine.run(image, logits);
    }
    blackhole.consume(logits);
  }
}
