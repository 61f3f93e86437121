package org.archbench.harness.engine;

import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.engine.EngineSettings;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.archbench.schema.engine.ComputeDevice;

/** DJL's OnnxRuntime engine on the exported .onnx file, through a Predictor. */
final class DjlOnnxRuntimeEngine extends ModelEngine {

  static final String ENGINE = "OnnxRuntime";

  private final Model model;
  private final Predictor<NDList, NDList> predictor;

  private DjlOnnxRuntimeEngine(EngineKind kind, ModelFiles files, EngineSettings settings)
      throws IOException {
    super(kind, files, settings);
    Path onnx = files.verifiedOnnx();
    Device device = settings.device() == ComputeDevice.GPU ? Device.gpu() : Device.cpu();
    this.model = Model.newInstance(files.spec().id(), device, ENGINE);
    Map<String, String> options =
        Map.of(
            "intraOpNumThreads", Integer.toString(settings.intraOpThreads()),
            "interOpNumThreads", Integer.toString(settings.interOpThreads()),
            "optLevel", OrtSessions.ortLevel(settings.optimization()).name());
    try {
      model.load(onnx, null, options);
    } catch (IOException | MalformedModelException e) {
      model.close();
      throw new IOException(
          onnx + ": expected an ONNX model DJL's OnnxRuntime engine can load, found: "
              + e.getMessage(),
          e);
    }
    this.predictor = model.newPredictor(new NoopTranslator());
  }

  /**
   * The ONNX Runtime actually loaded. DJL's engine reports the version it was compiled against
   * (1.21.1), but archbench pins its own runtime, which both ONNX Runtime engines share.
   */
  @Override
  public String version() {
    return OrtEnvironment.getEnvironment().getVersion();
  }

  @Override
  protected void infer(ImageBatch batch, float[] logits) {
    try (NDManager call = model.getNDManager().newSubManager()) {
      NDList output =
          predictor.predict(new NDList(call.create(batch.floats(), new Shape(inputShape(batch.size())))));
      output.singletonOrThrow().toByteBuffer().asFloatBuffer().get(logits, 0, batch.size() * classes);
      output.close();
    } catch (TranslateException e) {
      throw new IllegalStateException("djl-onnxruntime: inference failed: " + e.getMessage(), e);
    }
  }

  @Override
  protected void release() {
    predictor.close();
    model.close();
  }

  /** The registration of {@code djl-onnxruntime}: DJL's OnnxRuntime engine on the .onnx file. */
  public static final class Kind extends EngineKind {

    public Kind() {
      super("djl-onnxruntime");
    }

    @Override
    public InferenceEngine open(ModelFiles files, EngineSettings settings) throws IOException {
      return new DjlOnnxRuntimeEngine(this, files, settings);
    }

    @Override
    public String startRuntime() {
      return ai.djl.engine.Engine.getEngine(ENGINE).getVersion();
    }
  }
}
