package org.archbench.schema.training;

import org.archbench.schema.io.ResultFormat;

/**
 * What a trained model depends on. A model whose stored key equals the key of a requested run is
 * that run's result, so it is reused instead of trained again.
 *
 * @param arch the architecture id
 * @param specSha256 hash of the architecture spec's JSON
 * @param config the training configuration, seed included
 * @param datasetSha256 the dataset's fingerprint (see {@code LoadedDataset#fingerprint})
 * @param format version of the training code's output; bumped when the same inputs would now give
 *     a different model
 */
@ResultFormat(file = "models/<arch>/key.json")
public record TrainingKey(
    String arch, String specSha256, TrainingConfig config, String datasetSha256, int format) {

  /** The current {@link #format}. */
  public static final int FORMAT = 1;

  /** A key names everything a model depends on; one that lacks a part (a damaged file) is refused. */
  public TrainingKey {
    for (Object[] part : new Object[][] {{"arch", arch}, {"specSha256", specSha256},
        {"config", config}, {"datasetSha256", datasetSha256}}) {
      if (part[1] == null) {
        throw new IllegalArgumentException("expected a training key with " + part[0]
            + ", found none: the key is damaged; train the model again (archbench train --force)");
      }
    }
  }
}
