package org.archbench.harness.engine;

import org.archbench.harness.model.ModelVariant;
import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.engine.EngineSettings;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.archbench.schema.engine.ComputeDevice;

/**
 * DJL's PyTorch engine, eager, in inference mode, on the DJL-format parameters with the block
 * rebuilt from arch.json. Each call's tensors live in a sub-manager closed before it returns.
 */
final class DjlPyTorchEngine extends ModelEngine {

  static final String ENGINE = ModelFiles.DJL_ENGINE;

  private final Model model;
  private final ParameterStore parameters;

  private DjlPyTorchEngine(EngineKind kind, ModelFiles files, EngineSettings settings)
      throws IOException {
    super(kind, files, settings);
    // Loads PyTorch's native library, which the thread settings below call into.
    Engine.getEngine(ENGINE);
    Device device = Device.cpu();
    if (settings.device() == ComputeDevice.GPU) {
      Cuda.require("pytorch");
      device = Device.gpu();
    }
    applyThreads(settings);
    this.model = files.loadDjlModel(device);
    this.parameters = new ParameterStore(model.getNDManager(), false);
  }

  /**
   * PyTorch's thread pools are per process: intra-op can change at any time, inter-op only before
   * the first parallel work, so a mismatch there is an error naming the property to set.
   */
  private static void applyThreads(EngineSettings settings) {
    JniUtils.setNumThreads(settings.intraOpThreads());
    if (JniUtils.getNumInteropThreads() != settings.interOpThreads()) {
      try {
        JniUtils.setNumInteropThreads(settings.interOpThreads());
      } catch (RuntimeException alreadyStarted) {
        // PyTorch refuses once its inter-op pool has run work; the check below says what to do.
      }
    }
    if (JniUtils.getNumInteropThreads() != settings.interOpThreads()) {
      throw new IllegalArgumentException(
          "pytorch: expected " + settings.interOpThreads() + " inter-op threads, found "
              + JniUtils.getNumInteropThreads() + " already fixed in this process: start the JVM"
              + " with -Dai.djl.pytorch.num_interop_threads=" + settings.interOpThreads());
    }
  }

  @Override
  public String version() {
    return Engine.getEngine(ENGINE).getVersion();
  }

  @Override
  protected void infer(ImageBatch batch, float[] logits) {
    try (NDManager call = model.getNDManager().newSubManager()) {
      NDArray images =
          call.create(batch.bytes(), new Shape(inputShape(batch.size())), DataType.FLOAT32);
      NDArray output = model.getBlock().forward(parameters, new NDList(images), false).singletonOrThrow();
      output.toByteBuffer().asFloatBuffer().get(logits, 0, batch.size() * classes);
    }
  }

  @Override
  protected void release() {
    model.close();
  }

  /** The registration of {@code pytorch}: DJL's PyTorch engine, eager, on the DJL parameters. */
  public static final class Kind extends EngineKind {

    public Kind() {
      super("pytorch");
    }

    @Override
    public InferenceEngine open(ModelFiles files, EngineSettings settings) throws IOException {
      return new DjlPyTorchEngine(this, files, settings);
    }

    @Override
    public String startRuntime() {
      return Engine.getEngine(ENGINE).getVersion();
    }

    /** The DJL parameters, not the ONNX export: PyTorch rebuilds the block from arch.json. */
    @Override
    public Path loads(ModelFiles files) throws IOException {
      return files.parameterFile();
    }

    /**
     * The DJL parameters, loaded on the CPU and closed: beyond params.json's hash, only DJL's
     * loader tells whether they fit the block arch.json builds.
     */
    @Override
    public void requireLoadable(ModelFiles files) throws IOException {
      files.loadDjlModel(Device.cpu()).close();
    }

    /** Only the float32 model has DJL parameters; other variants are ONNX files only. */
    @Override
    public boolean runs(ModelVariant variant) {
      return variant.isFloat32();
    }
  }
}
