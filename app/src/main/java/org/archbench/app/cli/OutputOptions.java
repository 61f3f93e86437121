package org.archbench.app.cli;

import java.nio.file.Path;
import org.archbench.harness.Defaults;
import org.archbench.schema.OutputLayout;
import picocli.CommandLine.Option;

/** The output directory option of every subcommand that reads or writes results. */
final class OutputOptions {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = Defaults.OUTPUT_DIRECTORY,
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  private Path out;

  OutputLayout layout() {
    return new OutputLayout(out);
  }
}
