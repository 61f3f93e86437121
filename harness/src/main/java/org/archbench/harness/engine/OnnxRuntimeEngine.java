package org.archbench.harness.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.io.IOException;
import java.util.Map;
import org.archbench.harness.export.OnnxContract;
import org.archbench.harness.training.ComputeDevice;

/** ONNX Runtime's Java API on the exported .onnx file; CPU, or the CUDA execution provider. */
final class OnnxRuntimeEngine extends ModelEngine {

  private final OrtEnvironment environment;
  private final SessionOptions options;
  private final OrtSession session;

  OnnxRuntimeEngine(ModelFiles files, EngineSettings settings) throws IOException {
    super(EngineKind.ONNXRUNTIME, files, settings);
    ModelFiles.requireFile(files.onnx(), "an ONNX model", "Export it first: archbench export --arch "
        + files.spec().id());
    this.environment = sharedEnvironment();
    try {
      this.options = sessionOptions(settings);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "onnxruntime: expected to apply " + settings + ", found: " + e.getMessage()
              + (settings.device() == ComputeDevice.GPU
                  ? ". The GPU needs the onnxruntime_gpu artifact (-Pgpu) and CUDA."
                  : ""),
          e);
    }
    try {
      this.session = environment.createSession(files.onnx().toString(), options);
    } catch (OrtException e) {
      options.close();
      throw new IOException(
          files.onnx() + ": expected an ONNX model ONNX Runtime can load, found one it rejects: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The process's one ONNX Runtime environment. DJL's OnnxRuntime engine creates it with threading
   * options and fails if it already exists, so DJL's engine is started first and both share it.
   */
  private static OrtEnvironment sharedEnvironment() {
    ai.djl.engine.Engine.getEngine("OnnxRuntime");
    return OrtEnvironment.getEnvironment();
  }

  static SessionOptions sessionOptions(EngineSettings settings) throws OrtException {
    SessionOptions options = new SessionOptions();
    options.setIntraOpNumThreads(settings.intraOpThreads());
    options.setInterOpNumThreads(settings.interOpThreads());
    options.setOptimizationLevel(settings.optimization().ortLevel());
    if (settings.device() == ComputeDevice.GPU) {
      options.addCUDA(0);
    }
    return options;
  }

  @Override
  public String version() {
    return environment.getVersion();
  }

  @Override
  protected void infer(ImageBatch batch, float[] logits) {
    try (OnnxTensor tensor =
            OnnxTensor.createTensor(environment, batch.floats(), inputShape(batch.size()));
        OrtSession.Result result = session.run(Map.of(OnnxContract.INPUT, tensor))) {
      ((OnnxTensor) result.get(0)).getFloatBuffer().get(logits, 0, batch.size() * classes);
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime: inference failed: " + e.getMessage(), e);
    }
  }

  @Override
  protected void release() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime: closing the session failed", e);
    } finally {
      options.close();
    }
  }
}
