package org.archbench.models.spec;

/**
 * A square 2-D convolution, one group.
 *
 * @param outChannels output channels (filters)
 * @param kernel kernel height and width
 * @param stride stride along both axes
 * @param padding zero padding on every side
 * @param bias whether the convolution adds a bias per output channel
 */
public record Conv2d(int outChannels, int kernel, int stride, int padding, boolean bias)
    implements LayerSpec {

  public Conv2d {
    if (outChannels <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
      throw new IllegalArgumentException(
          "expected positive channels, kernel and stride and padding >= 0, found " + outChannels
              + ", " + kernel + ", " + stride + ", " + padding);
    }
  }

  /** A 3x3 convolution with padding 1 and stride 1, which keeps the spatial size. */
  public static Conv2d same3x3(int outChannels, boolean bias) {
    return new Conv2d(outChannels, 3, 1, 1, bias);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    LayerSpec.requireSpatial(this, input);
    int height = (input.height() + 2 * padding - kernel) / stride + 1;
    int width = (input.width() + 2 * padding - kernel) / stride + 1;
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "expected an input at least as large as the kernel for " + this + ", found " + input);
    }
    return FeatureShape.image(outChannels, height, width);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.conv2d(this);
  }
}
