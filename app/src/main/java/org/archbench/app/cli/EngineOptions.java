package org.archbench.app.cli;

import java.util.List;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import picocli.CommandLine.Option;

/** The {@code --engines} option of the subcommands that compare engines. */
final class EngineOptions {

  @Option(names = "--engines", split = ",", paramLabel = "ID",
      completionCandidates = RegisteredIds.EngineIds.class,
      description = "Engines, comma-separated (default: every registered one:"
          + " ${COMPLETION-CANDIDATES}).")
  private List<String> engines;

  /** The chosen engines, every registered one unless some were named; unknown ids are refused. */
  List<EngineKind> kinds() {
    return engines == null || engines.isEmpty()
        ? Engines.all() : engines.stream().map(Engines::byId).toList();
  }
}
