package org.archbench.schema.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * Transfer learning from a pretrained convolutional base (the VGG16-base experiment), from a backbone trained by archbench itself
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

  @JsonIgnore // derived, not a field of the recorded configuration
  public boolean isNone() {
    return initFrom.isEmpty();
  }
}
