package org.archbench.harness.robustness;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** A JPEG round trip with the JDK's own encoder, so the artefacts are those of a real codec. */
final class Jpeg {

  private Jpeg() {}

  static float[] roundTrip(float[] image, int rows, int cols, float quality) {
    BufferedImage grey = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int value = Math.round(Math.min(1f, Math.max(0f, image[y * cols + x])) * 255);
        grey.getRaster().setSample(x, y, 0, value);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam parameters = writer.getDefaultWriteParam();
      parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      parameters.setCompressionQuality(quality);
      writer.write(null, new IIOImage(grey, null, null), parameters);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding in memory failed", e);
    } finally {
      writer.dispose();
    }
    try {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      float[] out = new float[image.length];
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          out[y * cols + x] = decoded.getRaster().getSample(x, y, 0) / 255f;
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG decoding in memory failed", e);
    }
  }
}
