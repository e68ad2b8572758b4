package org.tol.cli.models;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol models demo <name>}: writes tiny ONNX models with real signatures for the quickstart (no download). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Writes tiny demo models with the real models' signatures (for the quickstart and smoke tests).",
        subcommands = {org.tol.cli.detect.DemoMegaDetectorCommand.class, org.tol.cli.detect.DemoFacesCommand.class})
public final class ModelsDemoCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
