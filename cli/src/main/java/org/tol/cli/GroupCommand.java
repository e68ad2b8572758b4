package org.tol.cli;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code tol bench}, {@code tol pdq}, ...): run without one, it prints
 * its usage to stderr and exits with {@link ExitCodes#USAGE}, since there is nothing to do.
 */
public abstract class GroupCommand implements Callable<Integer> {
    @CommandLine.Spec protected CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
