package org.archbench.harness.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Transfer learning as in seed 002's VGG16 experiment, from a backbone trained by archbench itself
 * (never from a model hub): the feature layers start from the backbone's weights; with
 * {@code freezeFeatures} only the classifier head trains (feature extraction) for the run's epochs,
 * then {@code fineTuneEpochs} more train everything at {@code fineTuneLearningRate}.
 *
 * @param initFrom the backbone's model directory (models/&lt;arch&gt;/), or empty for no transfer
 * @param backboneSha256 SHA-256 of the backbone's key.json: which trained model it was
 * @param freezeFeatures train only the head during the main epochs
 * @param fineTuneEpochs epochs with everything unfrozen after the main ones
 * @param fineTuneLearningRate Adam's base rate during fine-tuning (cosine-annealed)
 */
public record Transfer(
    String initFrom,
    String backboneSha256,
    boolean freezeFeatures,
    int fineTuneEpochs,
    float fineTuneLearningRate) {

  /** Training from scratch. */
  public static final Transfer NONE = new Transfer("", "", false, 0, 0);

  public Transfer {
    Objects.requireNonNull(initFrom, "initFrom");
    Objects.requireNonNull(backboneSha256, "backboneSha256");
    if (initFrom.isEmpty() && (freezeFeatures || fineTuneEpochs > 0)) {
      throw new IllegalArgumentException(
          "expected --init-from DIR with --freeze or --fine-tune-epochs, found no backbone");
    }
    if (fineTuneEpochs < 0 || (fineTuneEpochs > 0 && !freezeFeatures)) {
      throw new IllegalArgumentException(
          "expected --fine-tune-epochs >= 0, and > 0 only after --freeze features, found "
              + fineTuneEpochs + (freezeFeatures ? "" : " without --freeze"));
    }
    if (fineTuneEpochs > 0 && !(fineTuneLearningRate > 0)) {
      throw new IllegalArgumentException(
          "expected a positive fine-tuning learning rate, found " + fineTuneLearningRate);
    }
  }

  /**
   * A transfer from the trained model in {@code directory}.
   *
   * @throws IOException if the directory holds no trained model
   */
  public static Transfer from(
      Path directory, boolean freezeFeatures, int fineTuneEpochs, float fineTuneLearningRate)
      throws IOException {
    Path key = directory.resolve(ModelStore.KEY);
    if (!Files.isRegularFile(key) || !Files.isRegularFile(directory.resolve(ModelStore.SPEC))) {
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

  @JsonIgnore // derived, not a field of the recorded configuration
  public boolean isNone() {
    return initFrom.isEmpty();
  }
}
