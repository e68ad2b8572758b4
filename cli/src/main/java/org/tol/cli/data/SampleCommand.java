package org.tol.cli.data;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol sample ...}: synthetic data sets. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Synthetic images-in-Parquet data sets for demos and tests.",
        subcommands = {SampleMakeCommand.class})
public final class SampleCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
