package org.archbench.harness.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy with a weight per class, averaged over the batch: mean_i w[y_i] * CE_i, as
 * in Cui et al.'s class-balanced loss. With all weights 1 it is the plain cross-entropy.
 */
final class ClassWeightedCrossEntropyLoss extends Loss {

  private final float[] weights;

  ClassWeightedCrossEntropyLoss(float[] weights) {
    super("ClassWeightedCrossEntropyLoss");
    this.weights = weights.clone();
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray oneHot = labels.singletonOrThrow().oneHot(weights.length);
    NDArray weightedOneHot = oneHot.mul(logits.getManager().create(weights));
    return logits.logSoftmax(1).mul(weightedOneHot).sum(new int[] {1}).neg().mean();
  }
}
