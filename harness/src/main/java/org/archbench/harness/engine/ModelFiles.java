package org.archbench.harness.engine;

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
 */
public record ModelFiles(Path directory, ArchitectureSpec spec) {

  /**
   * Reads the spec of the model in {@code directory}.
   *
   * @throws IOException if arch.json is missing or invalid, naming it
   */
  public static ModelFiles in(Path directory) throws IOException {
    Path specFile = directory.resolve("arch.json");
    if (!Files.isRegularFile(specFile)) {
      throw new IOException(
          specFile + ": expected the architecture spec of a trained model, found no such file."
              + " Train first (archbench train --arch <id>) or point at a models/<arch>/ directory.");
    }
    return new ModelFiles(directory, ArchitectureSpecJson.read(specFile));
  }

  /**
   * Loads the DJL-format parameters into a block rebuilt from arch.json, on DJL's PyTorch engine.
   * The caller closes the model.
   *
   * @throws IOException if the parameters are missing or do not fit the spec, naming the directory
   */
  public Model loadDjlModel(Device device) throws IOException {
    Model model = Model.newInstance(spec.id(), device, DjlPyTorchEngine.ENGINE);
    try {
      model.setBlock(DjlBlocks.build(spec));
      model.load(directory, spec.id());
      return model;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IOException(
          directory + ": expected DJL parameters " + spec.id()
              + "-NNNN.params matching arch.json, found: " + e.getMessage(),
          e);
    }
  }

  /** models/&lt;arch&gt;/&lt;arch&gt;.onnx. */
  public Path onnx() {
    return directory.resolve(spec.id() + ".onnx");
  }

  /** Fails unless {@code file} exists, naming it and how it is made. */
  static void requireFile(Path file, String what, String remedy) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": expected " + what + ", found no such file. " + remedy);
    }
  }
}
