package org.archbench.models.spec;

/**
 * A fully connected layer on a flat input.
 *
 * @param outFeatures output features
 */
public record Linear(int outFeatures) implements LayerSpec {

  public Linear {
    if (outFeatures <= 0) {
      throw new IllegalArgumentException("expected positive output features, found " + outFeatures);
    }
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    if (input.spatial()) {
      throw new IllegalArgumentException(
          "expected a flat input for " + this + " (add a flatten or global_avg_pool layer before"
              + " it), found " + input);
    }
    return FeatureShape.flat(outFeatures);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.linear(this);
  }
}
