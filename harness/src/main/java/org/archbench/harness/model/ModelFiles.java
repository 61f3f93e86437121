package org.archbench.harness.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.archbench.harness.Failures;
import org.archbench.harness.export.ExportProvenance;
import org.archbench.harness.export.OnnxMetadata;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.io.Sha256;
import org.archbench.schema.training.ParamsProvenance;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one trained model under models/&lt;arch&gt;/: {@code arch.json} (the spec, to rebuild
 * the DJL block), {@code key.json} (what it was trained under), {@code <arch>-NNNN.params} (DJL
 * format) and {@code <arch>.onnx}. They are read only together, and only when they agree: a file
 * copied from another model, edited, or left by another run is refused, naming it and how to
 * rebuild it, before any result is computed from it.
 *
 * @param directory the model directory
 * @param spec the architecture, read from arch.json
 * @param key the training key, read from key.json; it names the spec's hash
 * @param variant which artifact an engine opened on these files loads; float32 unless chosen
 */
public record ModelFiles(Path directory, ArchitectureSpec spec, TrainingKey key, ModelVariant variant) {

  private static final Logger LOG = LoggerFactory.getLogger(ModelFiles.class);

  /** DJL's name of the engine the DJL-format parameters load into. */
  public static final String DJL_ENGINE = "PyTorch";

  /**
   * Reads the spec and the key of the model in {@code directory}, and checks that they agree.
   *
   * @throws IOException if arch.json or key.json is missing or invalid, or arch.json is not the
   *     spec key.json was trained on, naming the file
   */
  public static ModelFiles in(Path directory) throws IOException {
    Path specFile = directory.resolve(OutputLayout.SPEC_FILE);
    if (!Files.isRegularFile(specFile)) {
      throw new IOException(
          specFile + ": expected the architecture spec of a trained model, found no such file."
              + " Train first (archbench train --arch <id>) or point at a models/<arch>/ directory.");
    }
    ArchitectureSpec spec = ArchitectureSpecJson.read(specFile);
    TrainingKey key = new ModelStore(directory).key();
    String specSha256 = ArchitectureSpecJson.sha256(spec);
    if (!key.arch().equals(spec.id()) || !key.specSha256().equals(specSha256)) {
      throw new IOException(specFile + ": expected the spec " + OutputLayout.KEY_FILE
          + " says the model was trained on (" + key.arch() + ", sha256 " + brief(key.specSha256())
          + "), found " + spec.id() + " with sha256 " + brief(specSha256) + ": one of the two was"
          + " edited or copied from another model. Train it again: archbench train --arch "
          + key.arch() + " --force");
    }
    return new ModelFiles(directory, spec, key, ModelVariants.float32());
  }

  /**
   * The training report {@code reportFile} of this model, checked: it describes the training run
   * key.json names, not another run's.
   *
   * @throws IOException if it is missing, unreadable or of another run, naming it
   */
  public TrainingReport trainingReport(Path reportFile) throws IOException {
    requireFile(reportFile, "the training report of " + spec.id(),
        "Train first: archbench train --arch " + spec.id());
    TrainingReport report = JsonFiles.read(reportFile, TrainingReport.class);
    if (!report.key().equals(key)) {
      throw new IOException(reportFile + ": expected the training report of the model in "
          + directory + ", found one of another training run (its key differs from "
          + OutputLayout.KEY_FILE + "'s). Train it again: archbench train --arch " + spec.id()
          + " --force");
    }
    return report;
  }

  /**
   * The ONNX file of this variant, checked: it exists, its provenance metadata names this model's
   * architecture, spec and training key, and this variant; a derived variant's file was made from
   * the float32 file beside it. Every reader of an ONNX file opens it through here.
   *
   * @throws IOException if it is missing, not ONNX, exported from other parameters, or of another
   *     variant, naming it
   */
  public Path verifiedOnnx() throws IOException {
    Path onnx = onnx();
    requireFile(onnx, "an ONNX model", "Export it first: archbench export --arch " + spec.id());
    Map<String, String> metadata = OnnxMetadata.read(onnx);
    String expectedKey = new ModelStore(directory).keySha256();
    String arch = metadata.getOrDefault(ExportProvenance.ARCH, "none");
    String specSha256 = metadata.getOrDefault(ExportProvenance.SPEC_SHA256, "none");
    String keySha256 = metadata.getOrDefault(ExportProvenance.TRAINING_KEY_SHA256, "none");
    // in() checked that key.json names this spec's hash.
    if (!arch.equals(spec.id()) || !specSha256.equals(key.specSha256())
        || !keySha256.equals(expectedKey)) {
      throw new IOException(onnx + ": expected the export of the model in " + directory + " ("
          + spec.id() + ", training key sha256 " + brief(expectedKey) + "), found one of " + arch
          + " with training key " + brief(keySha256) + ": it was copied from another model or"
          + " exported before the model was trained again. Export it again: archbench export"
          + " --arch " + spec.id());
    }
    String foundVariant = metadata.get(ExportProvenance.VARIANT);
    if (!variant.id().equals(foundVariant)) {
      throw new IOException(onnx + ": expected the " + variant.id() + " model of " + spec.id()
          + ", found " + (foundVariant == null
              ? "a file whose metadata names no variant (exported by an older archbench)"
              : "the " + foundVariant + " model (its metadata says so): it was copied over this"
                  + " variant's file")
          + ". Export it again: archbench export --arch " + spec.id());
    }
    variant.requireDerivedFrom(this, metadata);
    return onnx;
  }

  /**
   * Loads the DJL-format parameters into a block rebuilt from arch.json, on DJL's PyTorch engine.
   * The caller closes the model.
   *
   * @throws IOException if the parameters are missing or do not fit the spec, naming the directory
   */
  public Model loadDjlModel(Device device) throws IOException {
    requireTrainedParameters();
    Model model = Model.newInstance(spec.id(), device, DJL_ENGINE);
    try {
      model.setBlock(DjlBlocks.build(spec));
      model.load(directory, spec.id());
      requireEveryParameterLoaded(model.getBlock());
      return model;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IOException(
          directory + ": expected DJL parameters " + spec.id()
              + "-NNNN.params matching arch.json, found: "
              + Failures.describe(e)
              + ". Train it again: archbench train --arch " + spec.id() + " --force",
          e);
    }
  }

  /**
   * Fails unless the directory's one parameter file is the one training saved under key.json, as
   * params.json records it: a file copied from another model (another seed's, of the same shapes)
   * would otherwise load and be evaluated as this one. Only a directory saved before params.json
   * was recorded (its key.json says so) has nothing to check against; it passes, with a warning.
   * {@link #loadDjlModel} asks this first; {@code archbench check} asks it without loading.
   *
   * @throws IOException naming the file, what was expected and what to do
   */
  public void requireTrainedParameters() throws IOException {
    Path provenanceFile = directory.resolve(OutputLayout.PARAMS_PROVENANCE_FILE);
    String retrain = " Train it again: archbench train --arch " + spec.id() + " --force";
    ModelStore store = new ModelStore(directory);
    if (!Files.isRegularFile(provenanceFile)) {
      if (store.keyPromisesParamsProvenance()) {
        throw new IOException(provenanceFile + ": expected the record of the parameters training"
            + " saved, which every model directory whose " + OutputLayout.KEY_FILE + " is of"
            + " format 1." + TrainingKey.MINOR_WITH_PARAMS_PROVENANCE + " or later has (this one's"
            + " is), found no such file: it was deleted, and the parameters cannot be told from"
            + " another model's." + retrain);
      }
      LOG.warn("{}: no {}, as an archbench before parameter files were recorded saved it ({} of"
              + " format 1.0): its parameters are loaded unchecked. Train it again to have them"
              + " checked: archbench train --arch {} --force", directory,
          OutputLayout.PARAMS_PROVENANCE_FILE, OutputLayout.KEY_FILE, spec.id());
      return;
    }
    ParamsProvenance provenance = JsonFiles.read(provenanceFile, ParamsProvenance.class);
    if (!provenance.trainingKeySha256().equals(store.keySha256())) {
      throw new IOException(provenanceFile + ": expected the parameters of the training run "
          + OutputLayout.KEY_FILE + " names, found those of another run (their key differs)."
          + retrain);
    }
    List<String> parameterFiles = ModelStore.parameterFiles(directory).stream()
        .map(file -> file.getFileName().toString()).toList();
    if (!parameterFiles.equals(List.of(provenance.file()))) {
      throw new IOException(directory + ": expected one DJL parameter file, " + provenance.file()
          + " (what training saved, as " + OutputLayout.PARAMS_PROVENANCE_FILE + " says), found "
          + parameterFiles + "." + retrain);
    }
    Path parameters = directory.resolve(provenance.file());
    String sha256 = Sha256.hex(parameters);
    if (!sha256.equals(provenance.sha256())) {
      throw new IOException(parameters + ": expected the parameters training saved (sha256 "
          + brief(provenance.sha256()) + "), found other bytes (sha256 " + brief(sha256) + "):"
          + " copied from another model, or damaged." + retrain);
    }
  }

  /**
   * Fails unless {@code block}, just loaded, holds every parameter: DJL skips a parameter file it
   * does not recognise (random bytes, say) and leaves the block uninitialised, so the fault would
   * otherwise surface only at the first forward pass.
   */
  public static void requireEveryParameterLoaded(Block block) throws MalformedModelException {
    for (Pair<String, Parameter> parameter : block.getParameters()) {
      if (!parameter.getValue().isInitialized()) {
        throw new MalformedModelException("parameter " + parameter.getKey()
            + " was not in the file (is it a DJL parameter file of this architecture?)");
      }
    }
  }

  /**
   * The ONNX file of this variant, e.g. models/&lt;arch&gt;/&lt;arch&gt;.onnx for float32, unchecked: the
   * path to write an export to. Engines load {@link #verifiedOnnx}.
   */
  public Path onnx() {
    return variant.onnx(directory, spec.id());
  }

  /**
   * The DJL parameter file, {@code <arch>-NNNN.params}: the one file there is, or the first by
   * name if training left several (loading refuses that case, naming them).
   *
   * @throws IOException if there is none, naming the directory and how to make one
   */
  public Path parameterFile() throws IOException {
    List<Path> files = ModelStore.parameterFiles(directory);
    if (files.isEmpty()) {
      throw new IOException(directory + ": expected DJL parameters " + spec.id() + "-NNNN.params,"
          + " found none. Train first: archbench train --arch " + spec.id());
    }
    return files.get(0);
  }

  /** These files, as the artifact of {@code other}: what an engine opened on them loads. */
  public ModelFiles as(ModelVariant other) {
    return new ModelFiles(directory, spec, key, other);
  }

  /** Fails unless {@code file} exists, naming it and how it is made. */
  public static void requireFile(Path file, String what, String remedy) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": expected " + what + ", found no such file. " + remedy);
    }
  }

  /** The first 12 hex digits of a hash: enough to tell two apart in a message. */
  static String brief(String sha256) {
    return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
  }
}
