package org.archbench.harness.robustness;

/** Affine resampling about the image centre with bilinear interpolation; outside is black. */
final class Geometry {

  private Geometry() {}

  /** Maps an output position, relative to the centre, to the input position it samples. */
  @FunctionalInterface
  interface InverseMap {
    double[] source(double x, double y);
  }

  static float[] map(float[] image, int rows, int cols, InverseMap inverse) {
    double centreX = (cols - 1) / 2.0;
    double centreY = (rows - 1) / 2.0;
    float[] out = new float[image.length];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        double[] source = inverse.source(x - centreX, y - centreY);
        out[y * cols + x] = bilinear(image, rows, cols, source[0] + centreX, source[1] + centreY);
      }
    }
    return out;
  }

  private static float bilinear(float[] image, int rows, int cols, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    return (float) ((1 - fx) * (1 - fy) * pixel(image, rows, cols, x0, y0)
        + fx * (1 - fy) * pixel(image, rows, cols, x0 + 1, y0)
        + (1 - fx) * fy * pixel(image, rows, cols, x0, y0 + 1)
        + fx * fy * pixel(image, rows, cols, x0 + 1, y0 + 1));
  }

  private static float pixel(float[] image, int rows, int cols, int x, int y) {
    return x < 0 || y < 0 || x >= cols || y >= rows ? 0f : image[y * cols + x];
  }
}
