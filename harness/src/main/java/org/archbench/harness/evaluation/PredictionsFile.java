package org.archbench.harness.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.BatchedInference;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.Sha256;

/**
 * eval/&lt;arch&gt;.&lt;engine&gt;.predictions.csv, with Commons CSV: one row per test image, in order,
 * {@code index,label,predicted,p0..pC-1}. Reading it back checks that it describes exactly the given
 * test set: one row per image, in order, with the same labels.
 */
public final class PredictionsFile {

  private static final List<String> LEADING_COLUMNS = List.of("index", "label", "predicted");

  private PredictionsFile() {}

  /**
   * Writes the predictions of {@code labels.length} images, atomically.
   *
   * @return the SHA-256 of the file written, which the evaluation records beside it
   */
  static String write(Path file, int[] labels, float[] probabilities, int classes)
      throws IOException {
    List<String> header = new ArrayList<>(LEADING_COLUMNS);
    for (int c = 0; c < classes; c++) {
      header.add("p" + c);
    }
    StringWriter csv = new StringWriter(labels.length * (16 + 10 * classes));
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
        .setHeader(header.toArray(String[]::new)).get().print(csv)) {
      List<Object> row = new ArrayList<>(header.size());
      for (int i = 0; i < labels.length; i++) {
        row.clear();
        row.add(i);
        row.add(labels[i]);
        row.add(BatchedInference.argmax(probabilities, i, classes));
        for (int c = 0; c < classes; c++) {
          row.add(String.format(Locale.ROOT, "%.6f", probabilities[i * classes + c]));
        }
        printer.printRecord(row);
      }
    }
    byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, content);
    return Sha256.hex(content);
  }

  /**
   * The predicted class of each test image.
   *
   * @throws IOException if the file is missing, malformed, or belongs to another test set
   */
  public static int[] read(Path file, LabeledImages test) throws IOException {
    int[] predicted = new int[test.count()];
    int row = 0;
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
      var records = parser.iterator();
      List<String> header = records.hasNext() ? records.next().toList() : List.of();
      if (header.size() < 3 || !header.subList(0, 3).equals(LEADING_COLUMNS)) {
        throw problem(file, "expected the header index,label,predicted,p0..., found "
            + (header.isEmpty() ? null : String.join(",", header)));
      }
      for (; records.hasNext(); row++) {
        CSVRecord record = records.next();
        if (row >= test.count()) {
          throw rowCount(file, test, row + 1);
        }
        int index;
        int label;
        try {
          index = Integer.parseInt(record.get(0));
          label = Integer.parseInt(record.get(1));
          predicted[row] = Integer.parseInt(record.get(2));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          throw problem(file, "row " + (row + 1) + ": expected index,label,predicted as integers,"
              + " found '" + String.join(",", record.toList()) + "'");
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
    } catch (java.io.UncheckedIOException e) {
      throw problem(file, "expected CSV, found " + e.getCause().getMessage());
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
