package org.archbench.harness.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {

  @TempDir Path directory;

  @Test
  void drawsARowPerCorruptionAndAColumnPerSeverity() throws IOException {
    float[] image = new float[784];
    image[400] = 1f;
    Path file = directory.resolve("sheet.png");

    ContactSheet.write(image, 28, 28, 1, file);

    BufferedImage sheet = ImageIO.read(file.toFile());
    // 120 px of labels, then 6 cells of 28 * 3 + 4 px; one row for the clean image, one per corruption
    assertEquals(120 + 6 * 88, sheet.getWidth());
    assertEquals((Corruption.values().length + 1) * 88, sheet.getHeight());
    // the clean image's bright pixel, scaled 3x: row 14, column 8 of the clean cell
    assertEquals(0xFFFFFF, sheet.getRGB(120 + 8 * 3 + 1, 14 * 3 + 1) & 0xFFFFFF);
  }
}
