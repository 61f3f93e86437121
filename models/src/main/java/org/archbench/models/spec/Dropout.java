package org.archbench.models.spec;

/**
 * Zeroes each activation with probability {@code rate} during training; the identity at inference.
 *
 * @param rate the drop probability, in [0, 1)
 */
public record Dropout(float rate) implements LayerSpec {

  public Dropout {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("expected a rate in [0, 1), found " + rate);
    }
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return input;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropout(this);
  }
}
