package org.tol.cli;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "sample", mixinStandardHelpOptions = true, description = "Synthetic images-in-Parquet data sets for demos and tests.")
public final class SampleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.FAILURE;
    }
}
