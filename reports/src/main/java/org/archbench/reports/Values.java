package org.archbench.reports;

import java.util.OptionalDouble;

/** A table cell's number from an optional one: absent is {@code null}, which the page shows as missing. */
final class Values {

  private Values() {}

  static Double of(OptionalDouble optional) {
    return optional.isPresent() ? optional.getAsDouble() : null;
  }

  /** {@code value * factor}, or null. */
  static Double scaled(Double value, double factor) {
    return value == null ? null : value * factor;
  }
}
