package org.archbench.harness.engine;

import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.models.spec.FeatureShape;

/**
 * What every engine shares: its kind and settings, the model's input shape and class count, and the
 * rule that a closed engine refuses use.
 */
abstract class ModelEngine implements InferenceEngine {

  private final EngineKind kind;
  private final EngineSettings settings;
  private final FeatureShape input;
  /** Logits per image. */
  protected final int classes;
  private boolean closed;

  ModelEngine(EngineKind kind, ModelFiles files, EngineSettings settings) {
    this.kind = kind;
    this.settings = settings;
    this.input = files.spec().input();
    this.classes = files.spec().classes();
  }

  @Override
  public final EngineKind kind() {
    return kind;
  }

  @Override
  public final EngineSettings settings() {
    return settings;
  }

  /** The input tensor's shape for {@code batchSize} images: [batch, channels, height, width]. */
  protected final long[] inputShape(int batchSize) {
    return new long[] {batchSize, input.channels(), input.height(), input.width()};
  }

  @Override
  public final void run(ImageBatch batch, float[] logits) {
    if (closed) {
      throw new IllegalStateException(kind + " engine is closed");
    }
    infer(batch, logits);
  }

  /** Runs the model; called only while open. */
  protected abstract void infer(ImageBatch batch, float[] logits);

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  /** Frees the engine's native resources; called once. */
  protected abstract void release();
}
