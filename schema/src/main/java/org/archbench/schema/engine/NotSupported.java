package org.archbench.schema.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model an engine cannot run, because the model uses an operator the engine lacks: recorded in
 * place of the figures, so that the report shows the cell as not supported, never as zero or
 * missing.
 *
 * @param arch the architecture
 * @param engine the engine's id
 * @param variant the model variant's id
 * @param operator the ONNX operator the engine lacks
 * @param message the engine's own words
 */
public record NotSupported(
    String arch, String engine, String variant, String operator, String message) {

  /** What a table cell says in place of a figure. */
  public String cell() {
    return "not supported by " + engine + ": " + operator;
  }

  /** Whether this is a pair of {@code arch} on {@code engine}, whatever the variant. */
  public boolean concerns(String arch, String engine) {
    return Objects.equals(this.arch, arch) && Objects.equals(this.engine, engine);
  }

  /** The entry of {@code list} for this architecture, engine and variant, if there is one. */
  public static Optional<NotSupported> find(
      List<NotSupported> list, String arch, String engine, String variant) {
    return list.stream()
        .filter(entry -> entry.concerns(arch, engine) && Objects.equals(entry.variant(), variant))
        .findFirst();
  }
}
