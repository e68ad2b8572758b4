package org.tol.cli.data;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol sample ...}: synthetic data sets. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Synthetic images-in-Parquet data sets for demos and tests.",
        subcommands = {SampleMakeCommand.class})
public final class SampleCommand extends GroupCommand {}
