package org.archbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalDouble;

/** Reading values out of result trees, a missing or non-numeric value being {@code null}. */
final class Json {

  private Json() {}

  /** The number at {@code path} (field names) under {@code node}, or null. */
  static Double number(JsonNode node, String... path) {
    JsonNode current = node;
    for (String field : path) {
      if (current == null) {
        return null;
      }
      current = current.get(field);
    }
    return current != null && current.isNumber() ? current.asDouble() : null;
  }

  /** The whole number at {@code path} under {@code node}, or null. */
  static Long integer(JsonNode node, String... path) {
    Double value = number(node, path);
    return value == null ? null : Math.round(value);
  }

  /** The text at {@code path}, or null. */
  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String field : path) {
      if (current == null) {
        return null;
      }
      current = current.get(field);
    }
    return current != null && !current.isNull() && !current.isContainerNode() ? current.asText() : null;
  }

  static Double value(OptionalDouble optional) {
    return optional.isPresent() ? optional.getAsDouble() : null;
  }

  /** {@code value * factor}, or null. */
  static Double scaled(Double value, double factor) {
    return value == null ? null : value * factor;
  }
}
