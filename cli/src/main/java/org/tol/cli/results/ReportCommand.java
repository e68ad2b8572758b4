package org.tol.cli.results;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.json.Json;
import org.tol.stages.report.ReportBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol report OUT...}: one self-contained HTML page about filter runs, dedup outputs or predictions files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML page (inline SVG and CSS, no network) about filter runs (also "
                + "while they run), collected outputs, 'tol pdq dedup' outputs or predictions Parquet files: progress per "
                + "rank, rows by status and failure reason, each filter's distributions, and a thumbnail gallery of the rows "
                + "to inspect."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "OUT", description = "Run directories, dedup directories or Parquet files.")
    List<Path> outputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The HTML file to write (default: report.html in the first OUT directory).")
    Path output;

    @Option(names = "--stale-seconds", defaultValue = "120", paramLabel = "S",
            description = "A running rank whose stats are older than S seconds is shown as stalled (default: ${DEFAULT-VALUE}).")
    double staleSeconds;

    @Option(names = "--json", description = "Print a JSON summary instead of the path.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path target = output != null ? output : defaultTarget(outputs.get(0));
        ReportBuilder.Report r = ReportBuilder.build(outputs, staleSeconds);
        AtomicFiles.writeString(target.toAbsolutePath(), r.html());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("report", target.toAbsolutePath().toString());
            m.put("outputs", r.outputs());
            m.put("in_progress", r.inProgress());
            m.put("gallery_rows", r.galleryRows());
            m.put("thumbnails", r.thumbnails());
            m.put("bytes", r.html().length());
            out.println(Json.pretty(m));
        } else {
            out.println("wrote report " + target.toAbsolutePath() + " (" + r.galleryRows() + " gallery rows, " + r.thumbnails()
                    + " thumbnails" + (r.inProgress().isEmpty() ? "" : "; in progress: " + String.join(", ", r.inProgress())) + ")");
        }
        return 0;
    }

    private static Path defaultTarget(Path first) {
        Path abs = first.toAbsolutePath();
        return java.nio.file.Files.isDirectory(abs) ? abs.resolve("report.html") : abs.resolveSibling("report.html");
    }
}
