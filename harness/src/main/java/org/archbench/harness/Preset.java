package org.archbench.harness;

import java.util.List;
import org.archbench.schema.registry.Registry;
import java.util.Locale;

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
    try {
      return Registered.PRESETS.byId(id);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("-Dbench.preset: " + unknown.getMessage(), unknown);
    }
  }

  /** Built after the constants, which an enum's own static fields cannot be. */
  private static final class Registered {
    static final Registry<Preset> PRESETS = Registry.of("preset", List.of(values()), Preset::id);
  }
}
