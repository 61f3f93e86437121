package org.archbench.models.spec;

/** max(0, x), element-wise. */
public record Relu() implements LayerSpec {

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return input;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.relu(this);
  }
}
