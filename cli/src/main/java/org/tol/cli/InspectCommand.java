package org.tol.cli;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Schema, row groups, row count and a decode pass over every image.")
public final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.FAILURE;
    }
}
