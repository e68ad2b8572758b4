package org.tol.cli;

import picocli.CommandLine.Command;

/** {@code tol export <format> OUT}: writes collected predictions in formats other tools read. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Exports collected predictions for other tools.",
        subcommands = {org.tol.cli.detect.MegaDetectorJsonCommand.class})
public final class ExportCommand extends GroupCommand {}
