package org.archbench.harness.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Checks one file of a dataset against its entry: rank, item count, image size, labels, SHA-256. */
final class IdxFileVerifier {

  private IdxFileVerifier() {}

  /** Reads {@code file} and checks it against {@code spec}; returns its content if it matches. */
  static IdxArray verify(IdxDataset dataset, IdxFileSpec spec, Path file) throws IOException {
    boolean images = spec.equals(dataset.trainImages()) || spec.equals(dataset.testImages());
    IdxArray array = IdxReader.read(file, images ? 3 : 1);
    if (array.itemCount() != spec.itemCount()) {
      throw new IdxFormatException(
          file,
          "wrong item count for " + spec.name(),
          String.format(Locale.ROOT, "%,d %s", spec.itemCount(), images ? "images" : "labels"),
          String.format(Locale.ROOT, "%,d", array.itemCount()));
    }
    if (images) {
      int[] dimensions = array.dimensions();
      if (dimensions[1] != dataset.rows() || dimensions[2] != dataset.cols()) {
        throw new IdxFormatException(
            file,
            "wrong image size",
            dataset.rows() + "x" + dataset.cols(),
            dimensions[1] + "x" + dimensions[2]);
      }
    } else {
      checkLabelRange(dataset, file, array.data());
    }
    if (!array.sha256().equals(spec.sha256())) {
      throw new IdxFormatException(
          file,
          "checksum mismatch (SHA-256 of the uncompressed content)",
          spec.sha256(),
          array.sha256() + ": the file is not the official " + spec.name()
              + "; replace it with the published one");
    }
    return array;
  }

  private static void checkLabelRange(IdxDataset dataset, Path file, byte[] labels)
      throws IdxFormatException {
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i] & 0xFF;
      if (label >= dataset.classCount()) {
        throw new IdxFormatException(
            file,
            "label out of range at index " + i,
            "a class index from 0 to " + (dataset.classCount() - 1),
            String.valueOf(label));
      }
    }
  }
}
