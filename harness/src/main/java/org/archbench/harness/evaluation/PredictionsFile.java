package org.archbench.harness.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.archbench.harness.data.LabeledImages;

/**
 * Reads back eval/&lt;arch&gt;.&lt;engine&gt;.predictions.csv, checking that it describes exactly the
 * given test set: one row per image, in order, with the same labels.
 */
public final class PredictionsFile {

  private PredictionsFile() {}

  /**
   * The predicted class of each test image.
   *
   * @throws IOException if the file is missing, malformed, or belongs to another test set
   */
  public static int[] read(Path file, LabeledImages test) throws IOException {
    int[] predicted = new int[test.count()];
    int row = 0;
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("index,label,predicted")) {
        throw problem(file, "expected the header index,label,predicted,p0..., found " + header);
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine(), row++) {
        if (row >= test.count()) {
          throw rowCount(file, test, row + 1);
        }
        String[] fields = line.split(",", 4);
        int index;
        int label;
        try {
          index = Integer.parseInt(fields[0]);
          label = Integer.parseInt(fields[1]);
          predicted[row] = Integer.parseInt(fields[2]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          throw problem(file, "row " + (row + 1) + ": expected index,label,predicted as integers,"
              + " found '" + line + "'");
        }
        if (index != row || label != test.label(row)) {
          throw problem(file, String.format(Locale.ROOT,
              "row %d: expected image %d with the test set's label %d, found image %d with label %d:"
                  + " these predictions are of another test set or order; evaluate again",
              row + 1, row, test.label(row), index, label));
        }
      }
    } catch (NoSuchFileException e) {
      throw problem(file, "expected a predictions file, found none: run archbench evaluate first");
    }
    if (row != test.count()) {
      throw rowCount(file, test, row);
    }
    return predicted;
  }

  private static IOException rowCount(Path file, LabeledImages test, int rows) {
    return problem(file, String.format(Locale.ROOT,
        "expected %,d rows, one per test image, found %,d%s: evaluate again", test.count(), rows,
        rows > test.count() ? " or more" : ""));
  }

  private static IOException problem(Path file, String message) {
    return new IOException(file + ": " + message);
  }
}
