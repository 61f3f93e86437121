package org.archbench.harness.export;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.archbench.schema.ModelVariantIds;

/**
 * Where an exported model came from, written into the ONNX file's {@code metadata_props} so that the
 * file explains itself wherever it is copied. The export is the float32 model, and says so
 * ({@link #VARIANT}): a variant derived from it replaces that entry with its own id and adds
 * {@link #DERIVED_FROM_SHA256} and its settings, so that no file can stand in for another variant's.
 *
 * @param arch architecture id
 * @param specSha256 hash of the architecture spec's JSON
 * @param trainingKeySha256 hash of the training key of the parameters exported (models/&lt;arch&gt;/key.json)
 * @param datasetSha256 fingerprint of the training data
 * @param seed the master seed of the training run
 * @param epochs epochs trained
 * @param testAccuracy accuracy on the official test set, 0..1 (NaN if unknown)
 * @param archbenchVersion the archbench version that exported it
 * @param gitCommit the commit archbench was built from, or {@code unknown}
 */
public record ExportProvenance(
    String arch,
    String specSha256,
    String trainingKeySha256,
    String datasetSha256,
    long seed,
    int epochs,
    double testAccuracy,
    String archbenchVersion,
    String gitCommit) {

  /** Metadata key of {@link #arch}. */
  public static final String ARCH = "arch";

  /** Metadata key of {@link #specSha256}. */
  public static final String SPEC_SHA256 = "spec_sha256";

  /** Metadata key of {@link #trainingKeySha256}. */
  public static final String TRAINING_KEY_SHA256 = "training_key_sha256";

  /** Metadata key of the model variant the file holds: {@code fp32} here, {@code int8} for int8. */
  public static final String VARIANT = "variant";

  /** Metadata key, in a derived variant's file, of the SHA-256 of the float32 file it was made from. */
  public static final String DERIVED_FROM_SHA256 = "derived_from_sha256";

  /** The properties as ONNX metadata key/value pairs, numbers written with {@link Locale#ROOT}. */
  public Map<String, String> asMetadata() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(ARCH, arch);
    metadata.put(SPEC_SHA256, specSha256);
    metadata.put(TRAINING_KEY_SHA256, trainingKeySha256);
    metadata.put(VARIANT, ModelVariantIds.FLOAT32);
    metadata.put("dataset_sha256", datasetSha256);
    metadata.put("seed", Long.toString(seed));
    metadata.put("epochs", Integer.toString(epochs));
    metadata.put("test_accuracy", String.format(Locale.ROOT, "%.4f", testAccuracy));
    metadata.put("archbench_version", archbenchVersion);
    metadata.put("git_commit", gitCommit);
    return metadata;
  }
}
