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

  /** imbalance/&lt;arch&gt;.json: the long-tail study of one architecture. */
  public Path imbalance(String arch) {
    return root.resolve("imbalance").resolve(arch + ".json");
  }

  /**
   * imbalance/runs/&lt;profile&gt;-&lt;mitigation&gt;/: the models, training reports and checkpoints of
   * one long-tail setting, laid out as a run of their own.
   */
  public OutputLayout imbalanceRun(String longTailId) {
    return new OutputLayout(root.resolve("imbalance").resolve("runs").resolve(longTailId));
  }

  /**
   * seeds/seed-&lt;n&gt;/: the models, training reports and evaluations of one more seed (-Dbench.seeds),
   * laid out as a run of their own; the first seed's are the run's own.
   */
  public OutputLayout seedRun(long seed) {
    return new OutputLayout(root.resolve("seeds").resolve("seed-" + seed));
  }
}
