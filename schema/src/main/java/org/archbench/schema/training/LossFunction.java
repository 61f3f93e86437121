package org.archbench.schema.training;

/** The training objective. */
public enum LossFunction {
  /** Softmax cross-entropy on the logits: the standard choice. */
  CROSS_ENTROPY,
  /** Mean squared error between softmax(logits) and the one-hot label, as some small experiments train. */
  SOFTMAX_MSE
}
