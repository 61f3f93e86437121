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

  @Option(names = "--force-out",
      description = "Write into the output directory even if it is not an archbench run (it has"
          + " no run.json and holds other files). archbench only ever removes files it wrote.")
  private boolean forceOut;

  OutputLayout layout() {
    return new OutputLayout(out);
  }

  /** Whether to write into a directory that is not an archbench run. */
  boolean forceOut() {
    return forceOut;
  }
}
