package org.tol.cli.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.checkpoint.OutLayout;
import org.tol.io.json.Json;
import org.tol.runtime.status.StatusReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol status OUT}: progress of a (running or stopped) job, rebuilt from its files only. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Units done of total, rows, per-rank rate, ETA, failures and ranks that stopped updating, "
                + "from OUT's files alone.")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The --output directory of a filter run.")
    Path out;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--stale-seconds", defaultValue = "120", paramLabel = "S",
            description = "A running rank whose stats are older than S seconds is reported as stalled (default: ${DEFAULT-VALUE}).")
    double staleSeconds;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> report = OutputErrors.oneLine(out,
                () -> StatusReport.build(new OutLayout(out.toAbsolutePath()), staleSeconds));
        spec.commandLine().getOut().println(json ? Json.pretty(report) : StatusReport.text(report));
        return 0;
    }
}
