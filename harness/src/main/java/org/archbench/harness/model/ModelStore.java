package org.archbench.harness.model;

import org.archbench.schema.io.Sha256;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.training.ParamsProvenance;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingKey;
import ai.djl.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.JsonFiles;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * models/&lt;arch&gt;/: the trained parameters in DJL format ({@code <arch>-NNNN.params}) with their
 * hash ({@code params.json}), the spec ({@code arch.json}) to rebuild the block, and
 * {@code key.json}, which is written last: a directory without a matching key.json holds no usable
 * model.
 */
public final class ModelStore {

  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

  private final Path directory;

  public ModelStore(Path directory) {
    this.directory = directory;
  }

  /** Whether the directory holds a complete model trained under {@code key}. */
  public boolean holds(TrainingKey key) throws IOException {
    Path keyFile = directory.resolve(OutputLayout.KEY_FILE);
    if (!Files.isRegularFile(keyFile) || parameterFiles(directory).isEmpty()) {
      return false;
    }
    try {
      if (!JsonFiles.read(keyFile, TrainingKey.class).equals(key)) {
        return false;
      }
      if (keyPromisesParamsProvenance()
          && !Files.isRegularFile(directory.resolve(OutputLayout.PARAMS_PROVENANCE_FILE))) {
        // Its parameters cannot be told from another training's: reusing them would only move the
        // refusal to the next stage that loads them.
        LOG.warn("{} has lost its {}, so its parameters cannot be checked; the model will be"
            + " trained again", directory, OutputLayout.PARAMS_PROVENANCE_FILE);
        return false;
      }
      return true;
    } catch (IOException unreadable) {
      // A key from an older archbench: that model was trained under other rules, so it is stale.
      LOG.info("{} is not a key this archbench reads ({}); the model will be trained again",
          keyFile, unreadable.getMessage());
      return false;
    }
  }

  /**
   * The key of the stored model.
   *
   * @throws IOException if there is no trained model here, or its key is unreadable, naming the file
   */
  public TrainingKey key() throws IOException {
    Path keyFile = directory.resolve(OutputLayout.KEY_FILE);
    if (!Files.isRegularFile(keyFile)) {
      throw new IOException(keyFile + ": expected the key of a trained model, found no such file."
          + " Train first (archbench train --arch <id>).");
    }
    return JsonFiles.read(keyFile, TrainingKey.class);
  }

  /**
   * The config the stored model was trained with, which a study varies one thing of: it must have
   * been trained on this dataset, balanced, on every class.
   *
   * @param datasetFingerprint the fingerprint of the dataset the study runs on
   * @param study the study's name and command, for the messages: {@code the imbalance study}
   * @throws IOException if there is no such model, naming what to run
   */
  public TrainingConfig studiedConfig(String datasetFingerprint, String study) throws IOException {
    TrainingKey key = key();
    String arch = key.arch();
    if (!key.datasetSha256().equals(datasetFingerprint)) {
      throw new IOException(String.format(
          "%s: expected a model trained on this dataset (%s), found one trained on %s. Train %s"
              + " again (archbench train --arch %s) before %s.",
          directory, datasetFingerprint, key.datasetSha256(), arch, arch, study));
    }
    TrainingConfig config = key.config();
    if (!config.longTail().isBalanced() || !config.classSubset().isAll()) {
      throw new IOException(directory + ": expected a model trained on the balanced split of"
          + " every class, found one trained on " + config.longTail().id() + " with "
          + config.classSubset() + ": train " + arch + " again (archbench train --arch " + arch
          + ") before " + study + ".");
    }
    return config;
  }

  /** SHA-256 of {@code key} as key.json holds it: what an export records of the model it came from. */
  public static String sha256(TrainingKey key) throws IOException {
    return Sha256.hex(JsonFiles.bytes(key));
  }

  /**
   * SHA-256 of the stored key.json's bytes, which {@link #sha256(TrainingKey)} gave when it was
   * written. Checks compare this, never the key written again: a field added to the key's records
   * since (with its default) changes the bytes a writer makes of the same key, not what the file
   * holds.
   */
  public String keySha256() throws IOException {
    return Sha256.hex(directory.resolve(OutputLayout.KEY_FILE));
  }

  /**
   * Whether key.json was written by an archbench that writes params.json beside every key it writes
   * (key.json of format 1.{@value TrainingKey#MINOR_WITH_PARAMS_PROVENANCE} or later): such a
   * directory without params.json has lost it; an older one never had it.
   *
   * @throws IOException if key.json is missing or does not parse, naming it
   */
  public boolean keyPromisesParamsProvenance() throws IOException {
    return keyMinorVersion() >= TrainingKey.MINOR_WITH_PARAMS_PROVENANCE;
  }

  /** The minor format version of key.json; 0 for a key written before versions were recorded. */
  private int keyMinorVersion() throws IOException {
    // Reading the key refuses a version that does not parse; a file changed since is as old as 1.0.
    return JsonFiles.minorVersion(JsonFiles.readTree(directory.resolve(OutputLayout.KEY_FILE),
        "the key of a trained model", "Train it again (archbench train --force)."));
  }

  /** Saves {@code model}, trained for {@code epochs} under {@code key}, replacing what was there. */
  public void save(Model model, ArchitectureSpec spec, TrainingKey key, int epochs) throws IOException {
    Files.createDirectories(directory);
    Files.deleteIfExists(directory.resolve(OutputLayout.KEY_FILE));
    Files.deleteIfExists(directory.resolve(OutputLayout.PARAMS_PROVENANCE_FILE));
    for (Path file : parameterFiles(directory)) {
      Files.delete(file);
    }
    model.setProperty("Epoch", String.valueOf(epochs));
    Path staging = AtomicFiles.createStagingDirectory(directory);
    try {
      model.save(staging, spec.id());
      String params = String.format(Locale.ROOT, "%s-%04d.params", spec.id(), epochs);
      AtomicFiles.move(staging.resolve(params), directory.resolve(params));
      JsonFiles.write(directory.resolve(OutputLayout.PARAMS_PROVENANCE_FILE), new ParamsProvenance(
          params, Sha256.hex(directory.resolve(params)), sha256(key)));
    } finally {
      AtomicFiles.deleteRecursively(staging);
    }
    AtomicFiles.write(
        directory.resolve(OutputLayout.SPEC_FILE), ArchitectureSpecJson.toJson(spec).getBytes(StandardCharsets.UTF_8));
    JsonFiles.write(directory.resolve(OutputLayout.KEY_FILE), key);
  }

  /** The DJL parameter files ({@code <arch>-NNNN.params}) in {@code directory}, by name. */
  static List<Path> parameterFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".params")).sorted()
          .toList();
    }
  }
}
