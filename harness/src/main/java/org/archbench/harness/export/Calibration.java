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

  /** How many validation images the split of seed {@code seed} holds: the most to calibrate on. */
  public static int validationImages(LoadedDataset data, long seed) {
    return data.trainValidationSplit(seed).validationIndices().length;
  }

  /**
   * The first {@code count} validation images of the split the model trained on (seed
   * {@code seed}): never test images, which only final figures may touch, and never training ones,
   * whose activations the model has fitted.
   *
   * @throws IllegalArgumentException if the split holds fewer than {@code count}, saying how many
   */
  public static Calibration ofValidation(
      LoadedDataset data, long seed, int count, CalibrationMethod method) {
    int[] validation = data.trainValidationSplit(seed).validationIndices();
    // Never fewer than asked without a word: the int8 file records the count it was calibrated on.
    if (count > validation.length) {
      throw new IllegalArgumentException("--calibration-images: expected at most "
          + validation.length + " (the validation images of the split the model trained on),"
          + " found " + count + ". Ask for " + validation.length + " or fewer");
    }
    LabeledImages train = data.train();
    int perImage = train.pixelsPerImage();
    float[] pixels = new float[count * perImage];
    for (int i = 0; i < count; i++) {
      System.arraycopy(train.pixels(), validation[i] * perImage, pixels, i * perImage, perImage);
    }
    return new Calibration(pixels, count, new long[] {1, train.rows(), train.cols()}, method);
  }
}
