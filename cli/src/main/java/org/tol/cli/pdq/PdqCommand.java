package org.tol.cli.pdq;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol pdq ...}: PDQ perceptual hashes, cross-set matching and near-duplicate clusters. */
@Command(name = "pdq", mixinStandardHelpOptions = true,
        description = "PDQ perceptual hashing, near-duplicate matching and dedup.",
        subcommands = {PdqHashCommand.class, PdqMatchCommand.class, PdqDedupCommand.class})
public final class PdqCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
