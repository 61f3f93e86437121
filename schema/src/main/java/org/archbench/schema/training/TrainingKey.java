package org.archbench.schema.training;

import org.archbench.schema.io.ResultFormat;

/**
 * What a trained model depends on. A model whose stored key equals the key of a requested run is
 * that run's result, so it is reused instead of trained again.
 *
 * <p>File format 1.1 adds no field: it marks a key written beside a params.json, which every model
 * directory has since, so that a params.json missing there is told from one never written.
 *
 * @param arch the architecture id
 * @param specSha256 hash of the architecture spec's JSON
 * @param config the training configuration, seed included
 * @param datasetSha256 the dataset's fingerprint (see {@code LoadedDataset#fingerprint})
 * @param format version of the training code's output; bumped when the same inputs would now give
 *     a different model
 */
@ResultFormat(file = "models/<arch>/key.json", minor = TrainingKey.MINOR_WITH_PARAMS_PROVENANCE)
public record TrainingKey(
    String arch, String specSha256, TrainingConfig config, String datasetSha256, int format) {

  /** The minor format version of key.json from which params.json is always written beside it. */
  public static final int MINOR_WITH_PARAMS_PROVENANCE = 1;

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
