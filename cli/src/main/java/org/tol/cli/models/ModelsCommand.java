package org.tol.cli.models;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol models ...}: inspect model files and build demo models. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect model files; build demo models.",
        subcommands = {ModelsDescribeCommand.class, ModelsDemoCommand.class})
public final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
