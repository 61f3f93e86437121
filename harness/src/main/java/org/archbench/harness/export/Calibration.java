package org.archbench.harness.export;

import java.util.Arrays;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.data.LoadedDataset;

/**
 * The images a quantizer calibrates activation ranges on, and how it reads a range from them.
 *
 * @param pixels the images, one after another, in the model's input layout
 * @param count how many images {@code pixels} holds
 * @param imageShape one image's shape, e.g. {1, 28, 28}
 * @param method how a range is taken from the values seen
 */
public record Calibration(float[] pixels, int count, long[] imageShape, CalibrationMethod method) {

  /** Calibration images by default: enough for stable ranges, a second or two of inference. */
  public static final int DEFAULT_IMAGES = 1_000;

  public Calibration {
    if (count < 1 || (long) count * Arrays.stream(imageShape).reduce(1, (a, b) -> a * b)
        > pixels.length) {
      throw new IllegalArgumentException("expected at least one calibration image of shape "
          + Arrays.toString(imageShape) + " in the pixels, found " + count + " images over "
          + pixels.length + " pixels");
    }
  }

  /**
   * The first {@code count} validation images of the split the model trained on (seed
   * {@code seed}): never test images, which only final figures may touch, and never training ones,
   * whose activations the model has fitted.
   */
  public static Calibration ofValidation(
      LoadedDataset data, long seed, int count, CalibrationMethod method) {
    int[] validation = data.trainValidationSplit(seed).validationIndices();
    LabeledImages train = data.train();
    int kept = Math.min(count, validation.length);
    int perImage = train.pixelsPerImage();
    float[] pixels = new float[kept * perImage];
    for (int i = 0; i < kept; i++) {
      System.arraycopy(train.pixels(), validation[i] * perImage, pixels, i * perImage, perImage);
    }
    return new Calibration(pixels, kept, new long[] {1, train.rows(), train.cols()}, method);
  }
}
