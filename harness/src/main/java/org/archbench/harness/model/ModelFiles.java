package org.archbench.harness.model;

import org.archbench.schema.OutputLayout;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;

/**
 * The files of one trained model under models/&lt;arch&gt;/: {@code arch.json} (the spec, to rebuild
 * the DJL block), {@code <arch>-NNNN.params} (DJL format) and {@code <arch>.onnx}.
 *
 * @param directory the model directory
 * @param spec the architecture, read from arch.json
 * @param variant which artifact an engine opened on these files loads; float32 unless chosen
 */
public record ModelFiles(Path directory, ArchitectureSpec spec, ModelVariant variant) {

  /** DJL's name of the engine the DJL-format parameters load into. */
  public static final String DJL_ENGINE = "PyTorch";

  /**
   * Reads the spec of the model in {@code directory}.
   *
   * @throws IOException if arch.json is missing or invalid, naming it
   */
  public static ModelFiles in(Path directory) throws IOException {
    Path specFile = directory.resolve(OutputLayout.SPEC_FILE);
    if (!Files.isRegularFile(specFile)) {
      throw new IOException(
          specFile + ": expected the architecture spec of a trained model, found no such file."
              + " Train first (archbench train --arch <id>) or point at a models/<arch>/ directory.");
    }
    return new ModelFiles(directory, ArchitectureSpecJson.read(specFile), ModelVariants.float32());
  }

  /**
   * Loads the DJL-format parameters into a block rebuilt from arch.json, on DJL's PyTorch engine.
   * The caller closes the model.
   *
   * @throws IOException if the parameters are missing or do not fit the spec, naming the directory
   */
  public Model loadDjlModel(Device device) throws IOException {
    Model model = Model.newInstance(spec.id(), device, DJL_ENGINE);
    try {
      model.setBlock(DjlBlocks.build(spec));
      model.load(directory, spec.id());
      return model;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IOException(
          directory + ": expected DJL parameters " + spec.id()
              + "-NNNN.params matching arch.json, found: "
              + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
              + ". Train it again: archbench train --arch " + spec.id() + " --force",
          e);
    }
  }

  /** The ONNX file of this variant, e.g. models/&lt;arch&gt;/&lt;arch&gt;.onnx for float32. */
  public Path onnx() {
    return variant.onnx(directory, spec.id());
  }

  /** These files, as the artifact of {@code other}: what an engine opened on them loads. */
  public ModelFiles as(ModelVariant other) {
    return new ModelFiles(directory, spec, other);
  }

  /** Fails unless {@code file} exists, naming it and how it is made. */
  public static void requireFile(Path file, String what, String remedy) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": expected " + what + ", found no such file. " + remedy);
    }
  }
}
