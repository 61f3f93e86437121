package org.archbench.models.spec;

/**
 * The shape of one image's activations between two layers, batch axis excluded: either spatial
 * (channels x height x width) or flat (a feature vector, {@code height = width = 1}).
 *
 * @param channels channels, or features when flat
 * @param height spatial height, 1 when flat
 * @param width spatial width, 1 when flat
 * @param spatial whether the activations still have spatial axes
 */
public record FeatureShape(int channels, int height, int width, boolean spatial) {

  public FeatureShape {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "expected positive dimensions, found " + channels + "x" + height + "x" + width);
    }
    if (!spatial && (height != 1 || width != 1)) {
      throw new IllegalArgumentException(
          "expected height = width = 1 for a flat shape, found " + height + "x" + width);
    }
  }

  public static FeatureShape image(int channels, int height, int width) {
    return new FeatureShape(channels, height, width, true);
  }

  public static FeatureShape flat(int features) {
    return new FeatureShape(features, 1, 1, false);
  }

  /** The number of values per image. */
  public long elements() {
    return (long) channels * height * width;
  }

  @Override
  public String toString() {
    return spatial ? channels + "x" + height + "x" + width : "[" + channels + "]";
  }
}
