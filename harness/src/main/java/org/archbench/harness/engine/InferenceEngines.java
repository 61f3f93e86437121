package org.archbench.harness.engine;

import org.archbench.schema.engine.EngineSettings;
import ai.djl.engine.Engine;
import java.io.IOException;

/** Opens an engine of any kind on a trained model's files. */
public final class InferenceEngines {

  private InferenceEngines() {}

  /**
   * Loads the model of {@code files} into a new engine of {@code kind}.
   *
   * @throws IOException if a model file is missing or corrupt, naming it
   */
  public static InferenceEngine open(EngineKind kind, ModelFiles files, EngineSettings settings)
      throws IOException {
    return switch (kind) {
      case ONNXRUNTIME -> new OnnxRuntimeEngine(files, settings);
      case PYTORCH -> new DjlPyTorchEngine(files, settings);
      case DJL_ONNXRUNTIME -> new DjlOnnxRuntimeEngine(files, settings);
    };
  }

  /**
   * Starts the native runtime of {@code kind} (loads and initialises its libraries) without a model,
   * the first part of a cold start; a no-op once started in this process.
   *
   * @return the runtime's version
   */
  public static String startRuntime(EngineKind kind) {
    return switch (kind) {
      case ONNXRUNTIME -> OrtSessions.environment().getVersion();
      case PYTORCH -> Engine.getEngine(DjlPyTorchEngine.ENGINE).getVersion();
      case DJL_ONNXRUNTIME -> Engine.getEngine(DjlOnnxRuntimeEngine.ENGINE).getVersion();
    };
  }
}
