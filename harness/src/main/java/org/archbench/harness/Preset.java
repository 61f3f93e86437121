package org.archbench.harness;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much a run spends (-Dbench.preset): each stage turns the preset into its own budget (epochs,
 * imbalance settings, JMH iterations).
 */
public enum Preset {
  /** Every architecture, engine and stage exercised in a few minutes; figures are not meaningful. */
  SMOKE,
  /** Short runs for a first look. */
  QUICK,
  /** The default: the accuracy targets, and JMH runs long enough to compare engines. */
  STANDARD,
  /** Several seeds, every imbalance setting, longer JMH runs. */
  FULL;

  /** The name on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The preset named {@code id}; blank or null means {@link #STANDARD}. */
  public static Preset byId(String id) {
    if (id == null || id.isBlank()) {
      return STANDARD;
    }
    for (Preset preset : values()) {
      if (preset.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return preset;
      }
    }
    throw new IllegalArgumentException("-Dbench.preset: expected one of "
        + Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", ")) + ", found '"
        + id + "'");
  }
}
