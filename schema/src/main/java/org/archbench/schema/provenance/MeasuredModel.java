package org.archbench.schema.provenance;

import java.io.IOException;
import java.nio.file.Path;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.Sha256;

/**
 * The model file a result measured, as it was when the result was written: the ONNX file an ONNX
 * engine loaded, the DJL parameters PyTorch loaded, the int8 file of the int8 model. A result whose
 * file has changed since (trained or exported again) is stale, and {@link ModelChanges} says so.
 *
 * @param file the model file, relative to the run's output directory, with {@code /} between
 *     names: {@code models/cnn/cnn.onnx}
 * @param sha256 the file's SHA-256
 * @param trainingKeySha256 the SHA-256 of the training key beside it (models/&lt;arch&gt;/key.json)
 */
public record MeasuredModel(String file, String sha256, String trainingKeySha256) {

  /**
   * A record that names no file or hash ties a result to nothing, and one whose file is not a
   * plain path inside the run (absolute, {@code ..}, an empty name, a NUL) could point the
   * staleness check outside it: both are refused.
   */
  public MeasuredModel {
    if (file == null || sha256 == null || trainingKeySha256 == null) {
      throw new IllegalArgumentException("expected a model file with its sha256 and its training"
          + " key's sha256, found file " + file + ", sha256 " + sha256 + ", training key sha256 "
          + trainingKeySha256);
    }
    if (!insideTheRun(file)) {
      throw new IllegalArgumentException("expected the model file as a path inside the run, names"
          + " separated by /, such as models/cnn/cnn.onnx; found \"" + file.replace("\0", "\\0")
          + "\"");
    }
  }

  private static boolean insideTheRun(String file) {
    if (file.isEmpty() || file.indexOf('\0') >= 0 || file.indexOf('\\') >= 0) {
      return false;
    }
    for (String name : file.split("/", -1)) {
      if (name.isEmpty() || name.equals(".") || name.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The model file {@code modelFile} of the run {@code layout}, hashed now, with the training key
   * in its directory.
   *
   * @throws IOException if the file or the key beside it cannot be read
   */
  public static MeasuredModel of(OutputLayout layout, Path modelFile) throws IOException {
    Path key = modelFile.toAbsolutePath().getParent().resolve(OutputLayout.KEY_FILE);
    return new MeasuredModel(layout.name(modelFile), Sha256.hex(modelFile), Sha256.hex(key));
  }

  /** The training key's file beside {@link #file}, as results name it. */
  public String trainingKeyFile() {
    int slash = file.lastIndexOf('/');
    return (slash < 0 ? "" : file.substring(0, slash + 1)) + OutputLayout.KEY_FILE;
  }
}
