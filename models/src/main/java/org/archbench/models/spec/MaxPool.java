package org.archbench.models.spec;

/**
 * Square max pooling without padding; a partial window at the edge is dropped (floor), as in
 * PyTorch's default.
 *
 * @param kernel window height and width
 * @param stride step along both axes
 */
public record MaxPool(int kernel, int stride) implements LayerSpec {

  public MaxPool {
    if (kernel <= 0 || stride <= 0) {
      throw new IllegalArgumentException(
          "expected a positive kernel and stride, found " + kernel + ", " + stride);
    }
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    LayerSpec.requireSpatial(this, input);
    int height = (input.height() - kernel) / stride + 1;
    int width = (input.width() - kernel) / stride + 1;
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "expected an input at least as large as the window for " + this + ", found " + input);
    }
    return FeatureShape.image(input.channels(), height, width);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.maxPool(this);
  }
}
