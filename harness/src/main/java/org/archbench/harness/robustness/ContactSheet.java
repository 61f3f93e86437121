package org.archbench.harness.robustness;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.archbench.schema.io.AtomicFiles;

/**
 * One image under every corruption and severity, a row per corruption, as a PNG for the report: what
 * "severity 3" means is easier to see than to describe.
 */
public final class ContactSheet {

  private static final int SCALE = 3;
  private static final int LABEL_WIDTH = 120;
  private static final int GAP = 4;

  private ContactSheet() {}

  /** Draws the sheet: the clean image, then severities 1 to 5 of each corruption. */
  public static BufferedImage render(float[] image, int rows, int cols, long seed) {
    int cell = cols * SCALE + GAP;
    int rowHeight = rows * SCALE + GAP;
    Corruption[] corruptions = Corruption.values();
    BufferedImage sheet = new BufferedImage(LABEL_WIDTH + 6 * cell, (corruptions.length + 1) * rowHeight,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = sheet.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    graphics.setColor(Color.BLACK);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    graphics.drawString("clean", 4, rowHeight / 2 + 4);
    for (int severity = 1; severity <= 5; severity++) {
      graphics.drawString("severity " + severity, LABEL_WIDTH + severity * cell, rowHeight / 2 + 4);
    }
    draw(graphics, image, rows, cols, LABEL_WIDTH, 0);
    for (int r = 0; r < corruptions.length; r++) {
      Corruption corruption = corruptions[r];
      int top = (r + 1) * rowHeight;
      graphics.setColor(Color.BLACK);
      graphics.drawString(corruption.id(), 4, top + rowHeight / 2 + 4);
      for (int severity = 1; severity <= corruption.severities(); severity++) {
        draw(graphics, corruption.apply(image, rows, cols, severity, seed), rows, cols,
            LABEL_WIDTH + severity * cell, top);
      }
    }
    graphics.dispose();
    return sheet;
  }

  /** Renders the sheet to {@code file} as PNG, atomically. */
  public static void write(float[] image, int rows, int cols, long seed, Path file) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(render(image, rows, cols, seed), "png", png);
    AtomicFiles.write(file, png.toByteArray());
  }

  private static void draw(Graphics2D graphics, float[] image, int rows, int cols, int left, int top) {
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int grey = Math.round(image[y * cols + x] * 255);
        graphics.setColor(new Color(grey, grey, grey));
        graphics.fillRect(left + x * SCALE, top + y * SCALE, SCALE, SCALE);
      }
    }
  }
}
