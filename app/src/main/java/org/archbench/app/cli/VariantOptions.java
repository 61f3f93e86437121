package org.archbench.app.cli;

import java.util.List;
import org.archbench.harness.model.ModelVariant;
import org.archbench.harness.model.ModelVariants;
import picocli.CommandLine.Option;

/** The {@code --variants} option: which artifacts of each model (float32, ...) to work on. */
final class VariantOptions {

  @Option(names = "--variants", split = ",", paramLabel = "ID",
      completionCandidates = RegisteredIds.VariantIds.class,
      description = "Model variants, comma-separated (default: every registered one:"
          + " ${COMPLETION-CANDIDATES}).")
  private List<String> variants;

  /** The chosen variants, every registered one unless some were named. */
  List<ModelVariant> chosen() {
    return variants == null || variants.isEmpty()
        ? ModelVariants.all() : variants.stream().map(ModelVariants::byId).toList();
  }
}
