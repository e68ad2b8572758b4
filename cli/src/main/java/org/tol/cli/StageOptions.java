package org.tol.cli;

import java.nio.file.Path;
import java.util.List;
import org.tol.api.stage.StageFactory;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.RuntimeLauncher;
import picocli.CommandLine.Option;

/**
 * The rank-runtime options every stage command shares ({@link RankOptions}, as filters) and the hand-off
 * to {@link RuntimeLauncher#runStage}; {@code --replan} counts for stages whose units are their input files.
 * Input and output options belong to each stage (their names differ).
 */
public final class StageOptions extends RankOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--json", description = "Print the summary of OUT's committed units as JSON on stdout.")
    public boolean json;

    /**
     * Runs the stage on this rank (or the MPJ ranks), then prints the summary of what OUT holds; returns 0,
     * 3 when units failed, 75 when interrupted.
     */
    public int run(List<String> inputs, Path output, StageFactory factory) {
        if (LoggingMixin.isQuiet()) {
            System.setProperty("tol.quiet", "true");
        }
        RuntimeConfig config = new RuntimeConfig(inputs, output, "cpu", 0, 1, 1, 0, 1, graceSeconds, progressSeconds,
                false, false, lockStaleSeconds, replan);
        int code = RuntimeLauncher.runStage(config, rank, worldSize, mpj, factory);
        boolean rankZero = org.tol.runtime.RankContext.detect(System.getenv(), rank, worldSize).rank() == 0;
        if (code != org.tol.api.ExitCodes.INTERRUPTED && rankZero) {
            StageSummary.print(output, json, mixee == null ? new java.io.PrintWriter(System.out, true)
                    : mixee.commandLine().getOut());
        }
        return code;
    }
}
