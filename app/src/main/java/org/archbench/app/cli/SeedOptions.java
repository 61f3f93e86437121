package org.archbench.app.cli;

import java.io.IOException;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.PresetBudget;
import org.archbench.harness.SeedRuns;
import org.archbench.harness.model.ModelStore;
import picocli.CommandLine.Option;

/** The {@code --seeds} option: how many trainings per architecture, for seed statistics. */
final class SeedOptions {

  @Option(names = "--seeds", paramLabel = "N",
      description = "Trainings per architecture with seeds SEED, SEED+1, ...; with N >= 2, stats"
          + " gives mean, standard deviation and t-interval over them (default: the preset's, 3"
          + " for full, else 1).")
  private Integer count;

  /** The seeds starting from {@code base}: --seeds of them, or as many as the preset trains. */
  SeedRuns from(long base, PresetBudget budget) {
    return new SeedRuns(base, count != null ? count : budget.seeds());
  }

  /** The seeds starting from the seed of {@code arch}'s trained model in {@code layout}. */
  SeedRuns of(OutputLayout layout, String arch, PresetBudget budget) throws IOException {
    return from(new ModelStore(layout.modelDirectory(arch)).key().config().seed(), budget);
  }
}
