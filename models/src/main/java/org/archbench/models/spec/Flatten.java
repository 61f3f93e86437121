package org.archbench.models.spec;

/** Flattens channels x height x width into one feature vector, channel-major (as PyTorch does). */
public record Flatten() implements LayerSpec {

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return FeatureShape.flat(Math.toIntExact(input.elements()));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.flatten(this);
  }
}
