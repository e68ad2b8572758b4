package org.tol.cli.runtime;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.checkpoint.OutLayout;
import org.tol.io.json.Json;
import org.tol.runtime.collect.Collector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol collect OUT}: one predictions file from every rank's committed parts, with a coverage check. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Merges all ranks' committed parts into OUT/predictions.parquet, failures.parquet and "
                + "summary.json; exit 3 when planned units are missing.")
public final class CollectCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The --output directory of a filter run.")
    Path out;

    @Option(names = "--out", paramLabel = "FILE", description = "Predictions file (default: OUT/predictions.parquet).")
    Path target;

    @Option(names = "--allow-partial", description = "Exit 0 even when units are missing (they are still listed).")
    boolean allowPartial;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OutLayout layout = new OutLayout(out.toAbsolutePath());
        Collector.Result r = OutputErrors.oneLine(out, () -> new Collector(layout, allowPartial)
                .collect(target != null ? target : layout.collected()));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.pretty(r.summary()));
        } else {
            Map<String, Object> s = r.summary();
            w.printf("collected %s%s rows (%s identical duplicate uuids dropped, %s conflicting, %s without uuid) from %s"
                    + " of %s units%n", Boolean.TRUE.equals(s.get("partial")) ? "a PARTIAL result of " : "",
                    s.get("rows"), s.get("duplicate_uuids_identical"), s.get("duplicate_uuids_conflicting"),
                    s.get("rows_null_uuid"), s.get("units_complete"), s.get("units_total"));
            w.printf("rows by status: %s%n", s.get("rows_by_status"));
            w.printf("predictions: %s%nfailures:    %s%nsummary:     %s%n", s.get("predictions"), s.get("failures"),
                    layout.summary());
            printMissing(w, r.missing());
        }
        w.flush();
        if (!r.missing().isEmpty()) {
            spec.commandLine().getErr().printf("tol: %d unit(s) missing%s%n", r.missing().size(),
                    allowPartial ? " (--allow-partial: exit 0)" : "; rerun the filter command to finish them");
        }
        return r.exitCode();
    }

    private static void printMissing(PrintWriter w, List<Map<String, Object>> missing) {
        if (missing.isEmpty()) {
            return;
        }
        w.printf("missing units (%d):%n", missing.size());
        for (Map<String, Object> m : missing) {
            w.printf("  %s  %s%n", m.get("path"), m.get("reason"));
        }
    }
}
