package org.archbench.harness.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.archbench.schema.OutputLayout;

/**
 * What {@code archbench check} asks of each model directory of a run beyond its files being there:
 * that they are this model's. arch.json and key.json agree, the DJL parameters are the ones
 * training saved, and each variant's ONNX file is of that variant and that training (a float32
 * file copied over the int8 one, or the reverse, is found here). It reads the files' bytes and
 * metadata only, and starts no engine. A missing file is the result check's to report, not this.
 */
public final class ModelCheck {

  /**
   * What the check found.
   *
   * @param filesChecked the model files found to be the model's (arch.json and key.json, the
   *     parameters, each variant's ONNX file)
   * @param problems one message per file that is not, naming it and what to do
   */
  public record Result(int filesChecked, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private ModelCheck() {}

  /**
   * Checks the model directories of {@code archs} in {@code layout}, with the ONNX files of
   * {@code variants}.
   *
   * @throws IOException if a model directory cannot be listed
   */
  public static Result of(OutputLayout layout, List<String> archs, List<ModelVariant> variants)
      throws IOException {
    int checked = 0;
    List<String> problems = new ArrayList<>();
    for (String arch : archs) {
      Path directory = layout.modelDirectory(arch);
      if (!Files.isDirectory(directory)) {
        continue;
      }
      ModelFiles files;
      try {
        files = ModelFiles.in(directory);
        checked += 2;
      } catch (IOException | IllegalArgumentException e) {
        problems.add(e.getMessage());
        continue;
      }
      try {
        if (!ModelStore.parameterFiles(directory).isEmpty()) {
          files.requireTrainedParameters();
          checked++;
        }
      } catch (IOException | IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      for (ModelVariant variant : variants) {
        ModelFiles artifact = files.as(variant);
        // An empty or missing file is the result check's "expected a model" already.
        if (Files.isRegularFile(artifact.onnx()) && Files.size(artifact.onnx()) > 0) {
          try {
            artifact.verifiedOnnx();
            checked++;
          } catch (IOException | IllegalArgumentException e) {
            problems.add(e.getMessage());
          }
        }
      }
    }
    return new Result(checked, problems);
  }
}
