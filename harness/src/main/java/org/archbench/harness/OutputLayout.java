package org.archbench.harness;

import java.nio.file.Path;

/**
 * Where a run's files go, under the output directory (DESIGN.md, "Output layout").
 *
 * @param root the output directory, {@code target/bench} by default
 */
public record OutputLayout(Path root) {

  /** models/&lt;arch&gt;/: the DJL parameters, arch.json and key.json. */
  public Path modelDirectory(String arch) {
    return root.resolve("models").resolve(arch);
  }

  /** training/&lt;arch&gt;.json. */
  public Path trainingReport(String arch) {
    return root.resolve("training").resolve(arch + ".json");
  }

  /** eval/&lt;arch&gt;.json: accuracy, calibration and confusion per engine. */
  public Path evaluation(String arch) {
    return root.resolve("eval").resolve(arch + ".json");
  }

  /** eval/&lt;arch&gt;.&lt;engine&gt;.predictions.csv: one row per test image. */
  public Path predictions(String arch, String engine) {
    return root.resolve("eval").resolve(arch + "." + engine + ".predictions.csv");
  }

  /** stats.json: the significance of the differences between architectures. */
  public Path statistics() {
    return root.resolve("stats.json");
  }

  /** checkpoints/&lt;arch&gt;/: one directory per finished epoch while training runs. */
  public Path checkpoints(String arch) {
    return root.resolve("checkpoints").resolve(arch);
  }
}
