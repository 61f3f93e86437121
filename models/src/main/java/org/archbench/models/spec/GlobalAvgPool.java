package org.archbench.models.spec;

/** Averages each channel over height and width, giving a flat vector of the channels. */
public record GlobalAvgPool() implements LayerSpec {

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    LayerSpec.requireSpatial(this, input);
    return FeatureShape.flat(input.channels());
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.globalAvgPool(this);
  }
}
