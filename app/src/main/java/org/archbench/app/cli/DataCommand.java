package org.archbench.app.cli;

import picocli.CommandLine.Command;

/** {@code archbench data ...}: finding and checking the dataset. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = "Find and verify the dataset.",
    subcommands = {DataVerifyCommand.class})
final class DataCommand {}
