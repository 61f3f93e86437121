package org.archbench.harness.data;

import java.util.Objects;

/**
 * A set of grey-scale images with their labels. Pixels are floats in [0, 1] (byte value / 255),
 * stored contiguously image after image, row-major, so a batch is one slice of the array.
 *
 * <p>The arrays are shared, not copied: callers must not modify them.
 *
 * @param count the number of images
 * @param rows image height
 * @param cols image width
 * @param pixels {@code count * rows * cols} values in [0, 1]
 * @param labels {@code count} class indices, as unsigned bytes
 */
public record LabeledImages(int count, int rows, int cols, float[] pixels, byte[] labels) {

  public LabeledImages {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    if (count < 0 || rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          "expected count >= 0 and positive image dimensions, found " + count + " images of "
              + rows + "x" + cols);
    }
    if ((long) count * rows * cols != pixels.length || count != labels.length) {
      throw new IllegalArgumentException(
          "expected " + count + " images of " + rows + "x" + cols + " and " + count
              + " labels, found " + pixels.length + " pixels and " + labels.length + " labels");
    }
  }

  /** Converts unsigned-byte pixels to floats in [0, 1]. */
  static LabeledImages fromBytes(int rows, int cols, byte[] pixelBytes, byte[] labels) {
    float[] pixels = new float[pixelBytes.length];
    float[] byteToUnit = new float[256];
    for (int value = 0; value < byteToUnit.length; value++) {
      byteToUnit[value] = value / 255f;
    }
    for (int i = 0; i < pixelBytes.length; i++) {
      pixels[i] = byteToUnit[pixelBytes[i] & 0xFF];
    }
    return new LabeledImages(labels.length, rows, cols, pixels, labels);
  }

  /** The first {@code n} images (all of them if there are fewer), sharing nothing with this set. */
  public LabeledImages first(int n) {
    int kept = Math.min(n, count);
    return new LabeledImages(kept, rows, cols,
        java.util.Arrays.copyOf(pixels, kept * pixelsPerImage()),
        java.util.Arrays.copyOf(labels, kept));
  }

  /**
   * The images whose label {@code relabel} maps to a label >= 0, in order, each with its new label;
   * {@code relabel[c] < 0} drops class {@code c}. Shares nothing with this set.
   */
  public LabeledImages relabelled(int[] relabel) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (relabel[label(i)] >= 0) {
        kept++;
      }
    }
    int pixels = pixelsPerImage();
    float[] keptPixels = new float[kept * pixels];
    byte[] keptLabels = new byte[kept];
    int at = 0;
    for (int i = 0; i < count; i++) {
      int label = relabel[label(i)];
      if (label >= 0) {
        System.arraycopy(this.pixels, i * pixels, keptPixels, at * pixels, pixels);
        keptLabels[at++] = (byte) label;
      }
    }
    return new LabeledImages(kept, rows, cols, keptPixels, keptLabels);
  }

  public int pixelsPerImage() {
    return rows * cols;
  }

  /** The class index of image {@code index}. */
  public int label(int index) {
    return labels[index] & 0xFF;
  }

  /** How many images each class has. */
  public int[] classCounts(int classCount) {
    int[] counts = new int[classCount];
    for (int i = 0; i < count; i++) {
      counts[label(i)]++;
    }
    return counts;
  }
}
