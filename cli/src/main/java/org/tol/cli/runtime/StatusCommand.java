package org.tol.cli.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.checkpoint.OutLayout;
import org.tol.io.json.Json;
import org.tol.runtime.status.StatusReport;
import org.tol.runtime.status.StepVerdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol status OUT}: progress of a (running or stopped) job, rebuilt from its files only. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Units done of total, rows, per-rank rate, ETA, failures, ranks that stopped updating or died, "
                + "from OUT's files alone. Exit 0: every unit done; 3: stopped before that (interrupted, failed or "
                + "dead ranks: rerun to resume); 4: ranks still running.")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The --output directory of a filter run.")
    Path out;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--stale-seconds", defaultValue = "120", paramLabel = "S",
            description = "A running rank whose stats are older than S seconds is reported as stalled (default: ${DEFAULT-VALUE}).")
    double staleSeconds;

    @Option(names = "--step", paramLabel = "TOKEN",
            description = "Instead: how the job step whose ranks ran with TOL_STEP=TOKEN ended, from the ranks' own "
                    + "status files; exit 0, 3, 75 (requeue) or 1 (a rank failed or left no status). For sbatch scripts.")
    String step;

    @Option(names = "--tasks", defaultValue = "1", paramLabel = "N",
            description = "With --step: the number of ranks the step started (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--watch", description = "Redraw one progress line for all ranks (rows, rate, ETA, failures) every "
            + "--interval seconds until no rank is running, then print the full status.")
    boolean watch;

    @Option(names = "--interval", defaultValue = "5", paramLabel = "S", description = "Seconds between --watch updates (default: ${DEFAULT-VALUE}).")
    double interval;

    @Override
    public Integer call() throws Exception {
        OutLayout layout = new OutLayout(out.toAbsolutePath());
        if (step != null) {
            StepVerdict.Result r = StepVerdict.of(layout, step, tasks);
            r.lines().forEach(l -> spec.commandLine().getOut().println("tol status: " + l));
            return r.exitCode();
        }
        if (watch) {
            watch();
        }
        Map<String, Object> report = OutputErrors.oneLine(out, () -> StatusReport.build(layout, staleSeconds));
        spec.commandLine().getOut().println(json ? Json.pretty(report) : StatusReport.text(report));
        return StatusReport.exitCode(report);
    }

    /** Until the run is complete or no rank runs any more (a stopped or dead job is not waited for). */
    private void watch() throws Exception {
        if (!java.nio.file.Files.isDirectory(out)) {
            throw org.tol.api.TolException.usage("no such output directory: " + out, "pass the --output directory of a 'tol filter' run");
        }
        OutLayout layout = new OutLayout(out.toAbsolutePath());
        boolean terminal = System.console() != null;
        while (true) {
            org.tol.runtime.status.ProgressView.Snapshot s = org.tol.runtime.status.ProgressView.of(layout, staleSeconds);
            if (s != null) {
                org.tol.runtime.status.ProgressView.print(spec.commandLine().getErr(), org.tol.runtime.status.ProgressView.line(s), terminal);
                if (!s.active()) {
                    break;
                }
            }
            Thread.sleep(Math.max(50, (long) (interval * 1000)));
        }
        if (terminal) {
            spec.commandLine().getErr().println();
        }
    }
}
