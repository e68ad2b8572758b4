package org.tol.cli.models;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol support-set ...}: inspect and build CLIP support sets. */
@Command(name = "support-set", mixinStandardHelpOptions = true,
        description = "Inspect and build support sets (labelled class embeddings for 'tol filter clip').",
        subcommands = {SupportSetInspectCommand.class, SupportSetBuildCommand.class})
public final class SupportSetCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
