package org.archbench.harness.engine;

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
}
