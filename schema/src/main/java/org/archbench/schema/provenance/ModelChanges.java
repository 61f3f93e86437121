package org.archbench.schema.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.Sha256;

/**
 * Whether the model files results measured are still the ones in a run: a model trained or
 * exported again after a result was written makes that result stale. Each file is hashed once, so
 * that checking every result of a run reads every model once.
 */
public final class ModelChanges {

  private final OutputLayout layout;
  private final Map<String, Optional<String>> hashes = new HashMap<>();

  public ModelChanges(OutputLayout layout) {
    this.layout = layout;
  }

  /**
   * Why {@code result} (a file of the run, e.g. {@code eval/cnn.json}) is stale, or empty while
   * the model it recorded is unchanged, or when it cannot be checked ({@link #checkable}).
   *
   * @param recorded the model {@code result} names; null if it names none
   * @param rerun the stage that writes {@code result}, for the remedy: {@code evaluate}
   * @return {@code stale: models/cnn/cnn.onnx changed after eval/cnn.json was written; run
   *     evaluate again}
   * @throws IOException if a model file is there but cannot be read
   */
  public Optional<String> stale(MeasuredModel recorded, String result, String rerun)
      throws IOException {
    if (!checkable(recorded)) {
      return Optional.empty();
    }
    String remedy = "; run " + rerun + " again";
    Optional<String> model = current(recorded.file());
    if (model.isEmpty()) {
      return Optional.of("stale: " + recorded.file() + " is gone since " + result + " was written"
          + " (the model was trained or exported again, or removed)" + remedy);
    }
    if (!model.get().equals(recorded.sha256())) {
      return Optional.of("stale: " + recorded.file() + " changed after " + result
          + " was written" + remedy);
    }
    Optional<String> key = current(recorded.trainingKeyFile());
    if (!key.equals(Optional.of(recorded.trainingKeySha256()))) {
      return Optional.of("stale: " + recorded.trainingKeyFile() + " changed after " + result
          + " was written (the model was trained again)" + remedy);
    }
    return Optional.empty();
  }

  /**
   * Whether a result that recorded {@code recorded} can be checked against the run: it recorded a
   * model (an older archbench did not), and the run holds that model's directory (a run copied
   * without models/ to be reported elsewhere does not). A directory that is there holds the run's
   * current model, and a file of it gone or changed makes the result stale.
   */
  public boolean checkable(MeasuredModel recorded) {
    return recorded != null && Files.isDirectory(layout.root().resolve(recorded.file()).getParent());
  }

  /**
   * The SHA-256 of {@code file} (relative to the run) now, or empty if it is not there.
   *
   * @throws IOException if it is there but cannot be read
   */
  public Optional<String> current(String file) throws IOException {
    Optional<String> known = hashes.get(file);
    if (known == null) {
      Path path = layout.root().resolve(file);
      known = Files.isRegularFile(path) ? Optional.of(Sha256.hex(path)) : Optional.empty();
      hashes.put(file, known);
    }
    return known;
  }
}
