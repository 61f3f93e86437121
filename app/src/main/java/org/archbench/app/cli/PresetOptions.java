package org.archbench.app.cli;

import org.archbench.harness.Preset;
import org.archbench.harness.PresetBudget;
import picocli.CommandLine.Option;

/**
 * The preset option of every command whose defaults depend on it (epochs, images, seeds, imbalance
 * settings); options given explicitly override the preset's choice.
 */
final class PresetOptions {

  @Option(names = "--preset", paramLabel = "P", defaultValue = "standard",
      description = "smoke, quick, standard or full: sets the defaults of the options marked"
          + " 'preset' (default: ${DEFAULT-VALUE}).")
  private String preset;

  Preset preset() {
    return Preset.byId(preset);
  }

  PresetBudget budget() {
    return PresetBudget.of(preset());
  }
}
