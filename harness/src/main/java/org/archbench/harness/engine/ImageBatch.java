package org.archbench.harness.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.archbench.harness.data.LabeledImages;

/**
 * A reusable input batch: {@code size} images of {@code pixelsPerImage} floats in a direct,
 * native-order buffer. ONNX Runtime reads the float view without copying; DJL's PyTorch engine
 * aliases the byte view (it aliases only a direct ByteBuffer). Fill it, run it, fill it again.
 */
public final class ImageBatch {

  private final ByteBuffer bytes;
  private final int capacity;
  private final int pixelsPerImage;
  private int size;

  private ImageBatch(int capacity, int pixelsPerImage) {
    this.capacity = capacity;
    this.pixelsPerImage = pixelsPerImage;
    this.bytes =
        ByteBuffer.allocateDirect(capacity * pixelsPerImage * Float.BYTES).order(ByteOrder.nativeOrder());
  }

  /** An empty batch with room for {@code capacity} images. */
  public static ImageBatch allocate(int capacity, int pixelsPerImage) {
    if (capacity <= 0 || pixelsPerImage <= 0) {
      throw new IllegalArgumentException(
          "expected a positive capacity and image size, found " + capacity + ", " + pixelsPerImage);
    }
    return new ImageBatch(capacity, pixelsPerImage);
  }

  /** Copies images {@code from .. from + count} of {@code images} in; the batch then holds those. */
  public ImageBatch fill(LabeledImages images, int from, int count) {
    if (count <= 0 || count > capacity || images.pixelsPerImage() != pixelsPerImage) {
      throw new IllegalArgumentException(
          "expected 1 to " + capacity + " images of " + pixelsPerImage + " pixels, found " + count
              + " of " + images.pixelsPerImage());
    }
    bytes.asFloatBuffer().put(images.pixels(), from * pixelsPerImage, count * pixelsPerImage);
    size = count;
    return this;
  }

  /** Copies {@code count} images' pixels from {@code pixels} in. */
  public ImageBatch fill(float[] pixels, int count) {
    if (count <= 0 || count > capacity || pixels.length < count * pixelsPerImage) {
      throw new IllegalArgumentException(
          "expected 1 to " + capacity + " images of " + pixelsPerImage + " pixels, found " + count
              + " images and " + pixels.length + " values");
    }
    bytes.asFloatBuffer().put(pixels, 0, count * pixelsPerImage);
    size = count;
    return this;
  }

  /** The number of images the batch holds now. */
  public int size() {
    return size;
  }

  public int pixelsPerImage() {
    return pixelsPerImage;
  }

  /** The filled part as floats, direct and native-order. */
  public FloatBuffer floats() {
    return bytes.asFloatBuffer().limit(size * pixelsPerImage);
  }

  /** The filled part as bytes, direct and native-order. */
  public ByteBuffer bytes() {
    return bytes.duplicate().order(ByteOrder.nativeOrder()).limit(size * pixelsPerImage * Float.BYTES);
  }
}
