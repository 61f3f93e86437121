package org.archbench.app.cli;

import picocli.CommandLine.Command;

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
      BenchCommand.class, ReportCommand.class, CheckCommand.class})
final class ArchbenchCommand {}
