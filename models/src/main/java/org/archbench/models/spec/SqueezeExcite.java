package org.archbench.models.spec;

/**
 * Squeeze-and-excitation (Hu et al., 2018): global average pool, Linear C to C/r, ReLU, Linear C/r to
 * C, sigmoid, then each channel of the input scaled by its weight. Both linear layers have a bias.
 *
 * @param reduction r, the ratio of channels to bottleneck features; must divide the channels
 */
public record SqueezeExcite(int reduction) implements LayerSpec {

  public SqueezeExcite {
    if (reduction <= 0) {
      throw new IllegalArgumentException("expected a positive reduction, found " + reduction);
    }
  }

  /** The bottleneck width for {@code channels} input channels. */
  public int bottleneck(int channels) {
    return channels / reduction;
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    LayerSpec.requireSpatial(this, input);
    if (input.channels() % reduction != 0) {
      throw new IllegalArgumentException(
          "expected channels divisible by the reduction " + reduction + " for " + this
              + ", found " + input.channels());
    }
    return input;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.squeezeExcite(this);
  }
}
