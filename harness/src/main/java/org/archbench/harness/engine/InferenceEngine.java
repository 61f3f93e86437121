package org.archbench.harness.engine;

import org.archbench.schema.engine.EngineSettings;

/**
 * One engine with one model loaded: images in, logits out. Implementations hold native resources:
 * close them, after which they refuse use with an {@link IllegalStateException}.
 */
public interface InferenceEngine extends AutoCloseable {

  EngineKind kind();

  /** The settings the engine actually runs with. */
  EngineSettings settings();

  /** The engine library's version, e.g. ONNX Runtime's or PyTorch's. */
  String version();

  /**
   * Runs the model on the batch.
   *
   * @param batch the input images, {@code batch.size()} of them
   * @param logits receives {@code batch.size() x classes} logits, row-major
   */
  void run(ImageBatch batch, float[] logits);

  @Override
  void close();
}
