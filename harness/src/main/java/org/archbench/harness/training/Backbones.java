package org.archbench.harness.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.training.Transfer;

/** Trained models used as the starting point of another training (transfer learning). */
public final class Backbones {

  private Backbones() {}

  /**
   * A transfer from the trained model in {@code directory}.
   *
   * @throws IOException if the directory holds no trained model
   */
  public static Transfer transferFrom(
      Path directory, boolean freezeFeatures, int fineTuneEpochs, float fineTuneLearningRate)
      throws IOException {
    Path key = directory.resolve(OutputLayout.KEY_FILE);
    if (!Files.isRegularFile(key) || !Files.isRegularFile(directory.resolve(OutputLayout.SPEC_FILE))) {
      throw new IOException(
          "--init-from " + directory + ": expected a trained model directory (arch.json, key.json"
              + " and <arch>-NNNN.params, as `archbench train` writes under models/<arch>/), found"
              + " none: train the backbone first");
    }
    try {
      String sha256 =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(key)));
      return new Transfer(
          directory.toString(), sha256, freezeFeatures, fineTuneEpochs, fineTuneLearningRate);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
