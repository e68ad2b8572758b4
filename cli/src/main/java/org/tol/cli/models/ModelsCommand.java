package org.tol.cli.models;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol models ...}: inspect model files and build demo models. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect model files; build demo models.",
        subcommands = {ModelsDescribeCommand.class, ModelsDemoCommand.class})
public final class ModelsCommand extends GroupCommand {}
