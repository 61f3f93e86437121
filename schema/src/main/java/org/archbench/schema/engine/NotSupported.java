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

  /** The entry of {@code list} for this architecture, engine and variant, if there is one. */
  public static Optional<NotSupported> find(
      List<NotSupported> list, String arch, String engine, String variant) {
    return list.stream().filter(entry -> Objects.equals(entry.arch(), arch)
        && Objects.equals(entry.engine(), engine) && Objects.equals(entry.variant(), variant))
        .findFirst();
  }
}
