package org.archbench.harness.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean squared error between softmax(logits) and the one-hot label, averaged over every element as
 * PyTorch's {@code MSELoss} does: the objective of the MSE-on-softmax experiments.
 */
final class SoftmaxMseLoss extends Loss {

  SoftmaxMseLoss() {
    super("SoftmaxMseLoss");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray oneHot = labels.singletonOrThrow().oneHot(Math.toIntExact(logits.getShape().get(1)));
    return logits.softmax(1).sub(oneHot).square().mean();
  }
}
