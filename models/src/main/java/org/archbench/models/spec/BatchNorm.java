package org.archbench.models.spec;

/**
 * Batch normalisation over the channel axis, with learned scale and shift.
 *
 * @param epsilon added to the variance before the square root
 * @param momentum weight of the current batch in the running statistics (PyTorch's convention:
 *     {@code running = (1 - momentum) * running + momentum * batch})
 */
public record BatchNorm(float epsilon, float momentum) implements LayerSpec {

  /** PyTorch's and DJL's defaults. */
  public static final BatchNorm STANDARD = new BatchNorm(1e-5f, 0.1f);

  public BatchNorm {
    if (!(epsilon > 0) || !(momentum > 0 && momentum < 1)) {
      throw new IllegalArgumentException(
          "expected epsilon > 0 and momentum in (0, 1), found " + epsilon + ", " + momentum);
    }
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return input;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.batchNorm(this);
  }
}
