package org.archbench.harness.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.archbench.harness.engine.ModelFiles;
import org.archbench.models.complexity.Complexity;

/**
 * What a model costs before it runs: its size in parameters and MACs per image, and the bytes of its
 * exported files, so that result readers (the report) need not rebuild the architecture.
 *
 * @param parameters learned parameters
 * @param macs multiply-accumulates per image
 * @param flops floating-point operations per image (2 x MACs)
 * @param activationBytesPerImage activation memory of one image's forward pass
 * @param onnxBytes size of the .onnx file, -1 when not exported
 * @param djlParamsBytes size of the DJL .params file, -1 when absent
 */
public record ModelCost(
    long parameters,
    long macs,
    long flops,
    long activationBytesPerImage,
    long onnxBytes,
    long djlParamsBytes) {

  static ModelCost of(ModelFiles files) throws IOException {
    Complexity complexity = Complexity.of(files.spec());
    long onnx = Files.isRegularFile(files.onnx()) ? Files.size(files.onnx()) : -1;
    long params = -1;
    try (Stream<Path> entries = Files.list(files.directory())) {
      for (Path file : entries.filter(f -> f.getFileName().toString().endsWith(".params")).toList()) {
        params = Files.size(file);
      }
    }
    return new ModelCost(complexity.parameters(), complexity.macs(), complexity.flops(),
        complexity.activationBytesPerImage(), onnx, params);
  }
}
