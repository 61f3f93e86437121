package org.archbench.app.cli;

import java.util.List;
import org.archbench.harness.engine.EngineKind;
import picocli.CommandLine.Option;

/** The {@code --engines} option of the subcommands that compare engines. */
final class EngineOptions {

  @Option(names = "--engines", split = ",", paramLabel = "ID",
      defaultValue = "onnxruntime,pytorch,djl-onnxruntime",
      description = "Engines, comma-separated (default: ${DEFAULT-VALUE}).")
  private List<String> engines;

  /** The chosen engines; the message lists the known ids if one is unknown. */
  List<EngineKind> kinds() {
    return engines.stream().map(EngineKind::byId).toList();
  }
}
