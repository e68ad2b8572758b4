package org.tol.cli.runtime;

import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.runtime.launch.LocalLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol launch --local N -- <tol args>}: N local ranks with SLURM variables, like {@code srun -n N}. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Starts N ranks of a tol command on this machine with SLURM_PROCID/NTASKS/LOCALID/JOB_ID set "
                + "(a stand-in for srun); forwards signals; non-zero if any rank failed.")
public final class LaunchCommand implements Callable<Integer> {
    @Option(names = "--local", required = true, paramLabel = "N", description = "Number of ranks.")
    int ranks;

    @Parameters(paramLabel = "TOL_ARGS", arity = "1..*", description = "The tol command each rank runs (after --).")
    List<String> tolArgs;

    @Override
    public Integer call() throws Exception {
        if (ranks < 1) {
            throw TolException.usage("--local must be at least 1", null);
        }
        return LocalLauncher.run(ranks, tolArgs);
    }
}
