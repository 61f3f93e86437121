package org.archbench.models.spec;

/** Flattens channels x height x width into one feature vector, channel-major (as PyTorch does). */
public record Flatten() implements LayerSpec {

  /** A vector of every input value; more than an int counts is refused, as no engine indexes it. */
  @Override
  public FeatureShape outputShape(FeatureShape input) {
    long features = input.elements();
    if (features > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("expected at most " + Integer.MAX_VALUE + " values to"
          + " flatten, found " + input + " = " + features + ": make the layers before it smaller");
    }
    return FeatureShape.flat((int) features);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.flatten(this);
  }
}
