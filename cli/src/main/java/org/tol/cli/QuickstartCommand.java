package org.tol.cli;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "quickstart", mixinStandardHelpOptions = true, description = "Runs the whole pipeline on built-in sample data (no download, no GPU).")
public final class QuickstartCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.FAILURE;
    }
}
