package org.tol.cli;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol export <format> OUT}: writes collected predictions in formats other tools read. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Exports collected predictions for other tools.",
        subcommands = {org.tol.cli.detect.MegaDetectorJsonCommand.class})
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
