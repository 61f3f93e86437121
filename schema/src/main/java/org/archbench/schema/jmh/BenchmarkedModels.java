package org.archbench.schema.jmh;

import java.util.List;
import java.util.Optional;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.io.ResultFormat;

/**
 * jmh/models.json: the model file each benchmarked configuration loaded, hashed before JMH
 * started, so that the cost figures of jmh/results.json and jmh/figures.json are tied to the model
 * they measured, as every other result is. A model trained or exported again since makes that
 * configuration's figures stale. A run benchmarked before this file was written has none: its
 * figures are not recorded against a model.
 *
 * @param models one entry per architecture, engine and variant benchmarked
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "jmh/models.json")
public record BenchmarkedModels(List<Entry> models, String createdAt) {

  /** An absent list reads as empty. */
  public BenchmarkedModels {
    models = models == null ? List.of() : List.copyOf(models);
  }

  /**
   * One configuration's model.
   *
   * @param arch the architecture, as JMH's {@code arch} parameter names it
   * @param engine the engine, as JMH's {@code engine} parameter
   * @param variant the model variant, as JMH's {@code variant} parameter
   * @param model the file the engine loaded, with its hash
   */
  public record Entry(String arch, String engine, String variant, MeasuredModel model) {}

  /** The model of {@code engine} running {@code variant} of {@code arch}, if it was benchmarked. */
  public Optional<MeasuredModel> of(String arch, String engine, String variant) {
    return models.stream().filter(entry -> entry.arch().equals(arch)
            && entry.engine().equals(engine) && entry.variant().equals(variant))
        .map(Entry::model).findFirst();
  }
}
