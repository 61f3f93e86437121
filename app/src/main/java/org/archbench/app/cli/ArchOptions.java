package org.archbench.app.cli;

import java.util.List;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import picocli.CommandLine.Option;

/** The {@code --arch} option of every subcommand that works on architectures. */
final class ArchOptions {

  @Option(names = {"--arch", "--archs"}, paramLabel = "ID", split = ",",
      completionCandidates = RegisteredIds.ArchIds.class,
      description = "Architectures, comma-separated (default: every registered one:"
          + " ${COMPLETION-CANDIDATES}; see `archbench arch list`).")
  private List<String> archs;

  /**
   * The chosen architectures' ids in the order given, every registered one unless some were named.
   *
   * @throws IllegalArgumentException naming the known ids if one is unknown, before any work starts
   */
  List<String> ids() {
    return archs == null || archs.isEmpty()
        ? Architectures.ids()
        : archs.stream().map(Architectures::byId).map(ArchitectureSpec::id).toList();
  }
}
