package org.archbench.harness.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.List;

/**
 * One optimiser step on one batch: forward in training mode, the loss, backward, then Adam. The
 * epoch loop and the speed probe take the same step, so the probe measures what training does.
 */
final class TrainingStep {

  /** The batch's mean loss, and how many of its images the forward pass classified correctly. */
  record Result(float loss, long correct) {}

  private final Block block;
  private final ParameterStore parameters;
  private final List<Pair<String, Parameter>> named;
  private final Loss loss;

  TrainingStep(Block block, ParameterStore parameters, List<Pair<String, Parameter>> named,
      Loss loss) {
    this.block = block;
    this.parameters = parameters;
    this.named = named;
    this.loss = loss;
  }

  /**
   * Takes the step on {@code batch} (images, labels). A loss that is not finite is returned before
   * any backward pass or update, for the caller to stop on with its own context.
   */
  Result run(NDList batch, Adam adam, double learningRate, long adamStep) {
    NDArray labels = batch.get(1);
    float batchLoss;
    long correct;
    try (GradientCollector collector = Engine.getEngine(ModelTrainer.ENGINE).newGradientCollector()) {
      NDArray logits = block.forward(parameters, new NDList(batch.get(0)), true).singletonOrThrow();
      NDArray value = loss.evaluate(new NDList(labels), new NDList(logits));
      batchLoss = value.getFloat();
      if (!Float.isFinite(batchLoss)) {
        return new Result(batchLoss, 0);
      }
      collector.backward(value);
      correct = logits.argMax(1).eq(labels).countNonzero().getLong();
    }
    adam.step(named, learningRate, adamStep);
    return new Result(batchLoss, correct);
  }
}
