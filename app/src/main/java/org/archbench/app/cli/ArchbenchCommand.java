package org.archbench.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code archbench} command: one subcommand per pipeline stage. */
@Command(
    name = "archbench",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Which architecture, on which inference engine, on which hardware, gives the accuracy you"
          + " need at the lowest cost.",
      "Every option OPT can also be set as the system property bench.OPT (e.g. -Dbench.data=DIR)."
    },
    subcommands = {DataCommand.class, ArchCommand.class, TrainCommand.class, ExportCommand.class,
      EvaluateCommand.class, StatsCommand.class, RobustnessCommand.class, ImbalanceCommand.class,
      TransferCommand.class, LossCommand.class,
      BenchCommand.class, ReportCommand.class, CheckCommand.class})
final class ArchbenchCommand {

  /** Read by {@link UserErrorHandler} from the parse result, on whichever command it was given. */
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On an error caused by a file or an option, print its stack trace after the"
          + " message (for a bug report).")
  boolean verbose;
}
