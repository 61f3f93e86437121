package org.archbench.harness.robustness;

/** Convolutions and resampling for the blur and pixelate corruptions; edges repeat the border pixel. */
final class Filters {

  private Filters() {}

  /** Separable Gaussian blur with a kernel of radius ceil(3 sigma). */
  static float[] gaussianBlur(float[] image, int rows, int cols, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] kernel = new double[2 * radius + 1];
    double sum = 0;
    for (int k = -radius; k <= radius; k++) {
      kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
      sum += kernel[k + radius];
    }
    for (int k = 0; k < kernel.length; k++) {
      kernel[k] /= sum;
    }
    float[] horizontal = new float[image.length];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        double value = 0;
        for (int k = -radius; k <= radius; k++) {
          value += kernel[k + radius] * image[y * cols + clamp(x + k, cols)];
        }
        horizontal[y * cols + x] = (float) value;
      }
    }
    float[] out = new float[image.length];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        double value = 0;
        for (int k = -radius; k <= radius; k++) {
          value += kernel[k + radius] * horizontal[clamp(y + k, rows) * cols + x];
        }
        out[y * cols + x] = (float) value;
      }
    }
    return out;
  }

  /** Average over the disk of {@code radius} pixels around each pixel. */
  static float[] diskBlur(float[] image, int rows, int cols, double radius) {
    int reach = (int) Math.floor(radius);
    float[] out = new float[image.length];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        double value = 0;
        int count = 0;
        for (int dy = -reach; dy <= reach; dy++) {
          for (int dx = -reach; dx <= reach; dx++) {
            if (dx * dx + dy * dy <= radius * radius) {
              value += image[clamp(y + dy, rows) * cols + clamp(x + dx, cols)];
              count++;
            }
          }
        }
        out[y * cols + x] = (float) (value / count);
      }
    }
    return out;
  }

  /** Box-average to round(size * share) per side, then nearest-neighbour back to full size. */
  static float[] pixelate(float[] image, int rows, int cols, double share) {
    int smallRows = Math.max(1, (int) Math.round(rows * share));
    int smallCols = Math.max(1, (int) Math.round(cols * share));
    double[] sums = new double[smallRows * smallCols];
    int[] counts = new int[smallRows * smallCols];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int cell = (y * smallRows / rows) * smallCols + x * smallCols / cols;
        sums[cell] += image[y * cols + x];
        counts[cell]++;
      }
    }
    float[] out = new float[image.length];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int cell = (y * smallRows / rows) * smallCols + x * smallCols / cols;
        out[y * cols + x] = (float) (sums[cell] / counts[cell]);
      }
    }
    return out;
  }

  static int clamp(int index, int size) {
    return Math.min(size - 1, Math.max(0, index));
  }
}
