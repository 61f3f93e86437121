package org.archbench.harness.robustness;

import java.util.List;
import org.archbench.schema.registry.Registry;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The image corruptions of the robustness study (MNIST-C / ImageNet-C style), each a pure function of a
 * grey-scale image in [0, 1], a severity and a seed, returning a new image clipped to [0, 1].
 * Severities are 1 to 5, except for {@link #INVERSE} and {@link #HORIZONTAL_FLIP}, which have one.
 *
 * <p>The levels of gaussian_noise, gaussian_blur, contrast, brightness, jpeg and translate are
 * the design's; the others follow ImageNet-C's progression, scaled to 28x28 images.
 */
public enum Corruption {
  GAUSSIAN_NOISE("gaussian_noise", 0.08, 0.12, 0.18, 0.26, 0.38) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double sigma, SplittableRandom random) {
      return pointwise(image, value -> value + sigma * Noise.gaussian(random));
    }
  },
  /** Poisson noise of {@code lambda} photons at full brightness: fewer photons, more noise. */
  SHOT_NOISE("shot_noise", 60, 25, 12, 5, 3) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double lambda, SplittableRandom random) {
      return pointwise(image, value -> Noise.poisson(value * lambda, random) / lambda);
    }
  },
  /** Salt and pepper: each pixel becomes 0 or 1 with this probability. */
  IMPULSE_NOISE("impulse_noise", 0.03, 0.06, 0.09, 0.17, 0.27) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double share, SplittableRandom random) {
      return pointwise(
          image, value -> random.nextDouble() < share ? (random.nextBoolean() ? 1 : 0) : value);
    }
  },
  /** Multiplicative noise: x + x * N(0, sigma^2). */
  SPECKLE_NOISE("speckle_noise", 0.15, 0.2, 0.35, 0.45, 0.6) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double sigma, SplittableRandom random) {
      return pointwise(image, value -> value * (1 + sigma * Noise.gaussian(random)));
    }
  },
  GAUSSIAN_BLUR("gaussian_blur", 1, 2, 3, 4, 6) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double sigma, SplittableRandom random) {
      return Filters.gaussianBlur(image, rows, cols, sigma);
    }
  },
  /** Convolution with a normalised disk of this radius in pixels, like an out-of-focus lens. */
  DEFOCUS_BLUR("defocus_blur", 1, 1.5, 2, 2.5, 3) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double radius, SplittableRandom random) {
      return Filters.diskBlur(image, rows, cols, radius);
    }
  },
  /** (x - mean) * c + mean. */
  CONTRAST("contrast", 0.4, 0.3, 0.2, 0.1, 0.05) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double factor, SplittableRandom random) {
      double mean = 0;
      for (float value : image) {
        mean += value;
      }
      mean /= image.length;
      double centre = mean;
      return pointwise(image, value -> (value - centre) * factor + centre);
    }
  },
  /** x + b: on grey-scale images, ImageNet-C's increase of the HSV value. */
  BRIGHTNESS("brightness", 0.1, 0.2, 0.3, 0.4, 0.5) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double shift, SplittableRandom random) {
      return pointwise(image, value -> value + shift);
    }
  },
  /** Box-averaged down to this share of the size, then blown up again (nearest neighbour). */
  PIXELATE("pixelate", 0.6, 0.5, 0.4, 0.3, 0.25) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double share, SplittableRandom random) {
      return Filters.pixelate(image, rows, cols, share);
    }
  },
  /** A round trip through a JPEG encoder at this quality (the JDK's ImageIO). */
  JPEG("jpeg", 25, 18, 15, 10, 7) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double quality, SplittableRandom random) {
      return Jpeg.roundTrip(image, rows, cols, (float) (quality / 100));
    }
  },
  /** Rotation about the centre by this many degrees, clockwise or not at random. */
  ROTATE("rotate", 10, 20, 30, 40, 50) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double degrees, SplittableRandom random) {
      double angle = Math.toRadians(degrees) * (random.nextBoolean() ? 1 : -1);
      double cos = Math.cos(angle);
      double sin = Math.sin(angle);
      return Geometry.map(image, rows, cols, (x, y) -> new double[] {cos * x + sin * y, -sin * x + cos * y});
    }
  },
  /** Horizontal shear about the centre by this factor, to either side at random. */
  SHEAR("shear", 0.1, 0.2, 0.3, 0.4, 0.5) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double factor, SplittableRandom random) {
      double shear = factor * (random.nextBoolean() ? 1 : -1);
      return Geometry.map(image, rows, cols, (x, y) -> new double[] {x - shear * y, y});
    }
  },
  /** Zoom out about the centre to this share of the size, the border filled with black. */
  SCALE("scale", 0.9, 0.8, 0.7, 0.6, 0.5) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double share, SplittableRandom random) {
      return Geometry.map(image, rows, cols, (x, y) -> new double[] {x / share, y / share});
    }
  },
  /** A shift by this many pixels along one axis, the axis and direction drawn at random. */
  TRANSLATE("translate", 1, 2, 3, 4, 5) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double pixels, SplittableRandom random) {
      int shift = (int) pixels * (random.nextBoolean() ? 1 : -1);
      boolean horizontal = random.nextBoolean();
      int dx = horizontal ? shift : 0;
      int dy = horizontal ? 0 : shift;
      return Geometry.map(image, rows, cols, (x, y) -> new double[] {x - dx, y - dy});
    }
  },
  /** 1 - x. */
  INVERSE("inverse", 1) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double unused, SplittableRandom random) {
      return pointwise(image, value -> 1 - value);
    }
  },
  /** Mirrored left to right. */
  HORIZONTAL_FLIP("horizontal_flip", 1) {
    @Override
    float[] corrupt(float[] image, int rows, int cols, double unused, SplittableRandom random) {
      float[] out = new float[image.length];
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          out[y * cols + x] = image[y * cols + cols - 1 - x];
        }
      }
      return out;
    }
  };

  private final String id;
  private final double[] levels;

  Corruption(String id, double... levels) {
    this.id = id;
    this.levels = levels;
  }

  /** The name used in files and on the command line, e.g. {@code gaussian_noise}. */
  public String id() {
    return id;
  }

  /** How many severities it has: 5, or 1 for inverse and horizontal_flip. */
  public int severities() {
    return levels.length;
  }

  /** The parameter of {@code severity} (1-based), e.g. sigma of the noise. */
  public double level(int severity) {
    checkSeverity(severity);
    return levels[severity - 1];
  }

  /**
   * The corrupted copy of {@code image}, clipped to [0, 1]; {@code image} is left as it was.
   *
   * @param severity 1 to {@link #severities()}
   * @param seed the seed of any randomness, e.g. derived from the image index
   */
  public float[] apply(float[] image, int rows, int cols, int severity, long seed) {
    if (image.length != rows * cols) {
      throw new IllegalArgumentException(
          "expected " + rows + "x" + cols + " = " + rows * cols + " pixels, found " + image.length);
    }
    float[] out = corrupt(image, rows, cols, level(severity), new SplittableRandom(seed));
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.min(1f, Math.max(0f, out[i]));
    }
    return out;
  }

  /** A new image with {@code function} applied to each pixel, in order. */
  private static float[] pointwise(float[] image, DoubleUnaryOperator function) {
    float[] out = new float[image.length];
    for (int i = 0; i < image.length; i++) {
      out[i] = (float) function.applyAsDouble(image[i]);
    }
    return out;
  }

  abstract float[] corrupt(
      float[] image, int rows, int cols, double level, SplittableRandom random);

  /** The corruption called {@code id}; the message lists the known ones otherwise. */
  public static Corruption byId(String id) {
    return Registered.CORRUPTIONS.byId(id);
  }

  /** Built after the constants, which an enum's own static fields cannot be. */
  private static final class Registered {
    static final Registry<Corruption> CORRUPTIONS =
        Registry.of("corruption", List.of(values()), Corruption::id);
  }

  private void checkSeverity(int severity) {
    if (severity < 1 || severity > levels.length) {
      throw new IllegalArgumentException(
          id + ": expected a severity from 1 to " + levels.length + ", found " + severity);
    }
  }
}
