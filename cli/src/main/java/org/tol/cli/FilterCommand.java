package org.tol.cli;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol filter <name>}: runs one per-image filter over images-in-Parquet on the rank runtime. */
@Command(
        name = "filter",
        mixinStandardHelpOptions = true,
        description = "Runs a per-image filter on this rank (srun-aware, resumable).",
        subcommands = {
            org.tol.cli.runtime.ImageStatsCommand.class,
            org.tol.cli.models.ClipFilterCommand.class,
            org.tol.cli.detect.MegaDetectorCommand.class,
            org.tol.cli.detect.FacesCommand.class,
        })
public final class FilterCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
