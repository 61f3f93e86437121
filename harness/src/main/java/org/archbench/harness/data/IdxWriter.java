package org.archbench.harness.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.archbench.schema.io.AtomicFiles;

/** Writes unsigned-byte IDX files, gzip-compressed and atomically: the format {@link IdxReader} reads. */
public final class IdxWriter {

  private IdxWriter() {}

  /** Writes images in [0, 1] as bytes (rounded value x 255), the way the dataset itself stores them. */
  public static void writeImages(Path file, float[] pixels, int count, int rows, int cols)
      throws IOException {
    byte[] data = new byte[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      data[i] = (byte) Math.round(Math.min(1f, Math.max(0f, pixels[i])) * 255);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 2);
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(IdxReader.magicNumber(3));
      out.writeInt(count);
      out.writeInt(rows);
      out.writeInt(cols);
      out.write(data);
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }

  /** Reads back images written by {@link #writeImages}, as floats in [0, 1]. */
  public static float[] readImages(Path file, int count, int rows, int cols) throws IOException {
    IdxArray array = IdxReader.read(file, 3);
    int[] dimensions = array.dimensions();
    if (dimensions[0] != count || dimensions[1] != rows || dimensions[2] != cols) {
      throw new IdxFormatException(file, "wrong dimensions",
          count + "x" + rows + "x" + cols, dimensions[0] + "x" + dimensions[1] + "x" + dimensions[2]);
    }
    return LabeledImages.fromBytes(rows, cols, array.data(), new byte[count]).pixels();
  }
}
