package org.archbench.app.cli;

import picocli.CommandLine.Command;

/** {@code archbench arch ...}: the architecture registry. */
@Command(
    name = "arch",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = "The registered architectures.",
    subcommands = {ArchListCommand.class})
final class ArchCommand {}
