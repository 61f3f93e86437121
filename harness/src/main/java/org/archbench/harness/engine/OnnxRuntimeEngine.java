package org.archbench.harness.engine;

import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.engine.EngineSettings;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.archbench.harness.export.OnnxContract;
import org.archbench.schema.engine.ComputeDevice;

/** ONNX Runtime's Java API on the exported .onnx file; CPU, or the CUDA execution provider. */
final class OnnxRuntimeEngine extends ModelEngine {

  private final OrtEnvironment environment;
  private final SessionOptions options;
  private final OrtSession session;
  private ImageBatch boundBatch;
  private int boundSize;
  private Map<String, OnnxTensor> boundInputs;

  private OnnxRuntimeEngine(EngineKind kind, ModelFiles files, EngineSettings settings)
      throws IOException {
    super(kind, files, settings);
    Path onnx = files.verifiedOnnx();
    this.environment = OrtSessions.environment();
    try {
      this.options = OrtSessions.options(settings);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "onnxruntime: expected to apply " + settings + ", found: " + e.getMessage()
              + (settings.device() == ComputeDevice.GPU
                  ? ". The GPU needs the onnxruntime_gpu artifact (-Pgpu) and CUDA."
                  : ""),
          e);
    }
    try {
      this.session = environment.createSession(onnx.toString(), options);
    } catch (OrtException e) {
      options.close();
      throw new IOException(
          onnx + ": expected an ONNX model ONNX Runtime can load, found one it rejects: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public String version() {
    return environment.getVersion();
  }

  @Override
  protected void infer(ImageBatch batch, float[] logits) {
    try (OrtSession.Result result = session.run(inputsOver(batch))) {
      ((OnnxTensor) result.get(0)).getFloatBuffer().get(logits, 0, batch.size() * classes);
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime: inference failed: " + e.getMessage(), e);
    }
  }

  /**
   * The input tensor over {@code batch}'s buffer, made once per batch and size. ONNX Runtime reads a
   * direct buffer in place, so a refilled batch needs no new tensor; making one per call cost about
   * a tenth of a batch-1 mlp inference.
   */
  private Map<String, OnnxTensor> inputsOver(ImageBatch batch) throws OrtException {
    if (batch != boundBatch || batch.size() != boundSize) {
      closeBoundTensor();
      OnnxTensor tensor =
          OnnxTensor.createTensor(environment, batch.floats(), inputShape(batch.size()));
      boundInputs = Map.of(OnnxContract.INPUT, tensor);
      boundBatch = batch;
      boundSize = batch.size();
    }
    return boundInputs;
  }

  private void closeBoundTensor() {
    if (boundInputs != null) {
      boundInputs.get(OnnxContract.INPUT).close();
      boundInputs = null;
      boundBatch = null;
    }
  }

  @Override
  protected void release() {
    closeBoundTensor();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime: closing the session failed", e);
    } finally {
      options.close();
    }
  }

  /** The registration of {@code onnxruntime}: ONNX Runtime's own Java API on the .onnx file. */
  public static final class Kind extends EngineKind {

    public Kind() {
      super("onnxruntime");
    }

    @Override
    public InferenceEngine open(ModelFiles files, EngineSettings settings) throws IOException {
      return new OnnxRuntimeEngine(this, files, settings);
    }

    @Override
    public String startRuntime() {
      return OrtSessions.environment().getVersion();
    }
  }
}
