package org.tol.cli.results;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.io.json.Json;
import org.tol.stages.select.PredictionSource;
import org.tol.stages.select.SelectedRowsWriter;
import org.tol.stages.select.Selection;
import org.tol.stages.sql.DuckDb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol select}: a keep-list from predictions joined on uuid and SQL conditions; optionally the images too. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = {"Applies decisions to collected predictions: joins one or several outputs on uuid (rows of the first), "
                + "drops rows that are missing from another output, failed, excluded or fail a --where condition, writes the "
                + "keep-list (uuid + the columns the conditions use) and prints what was kept and dropped per reason.",
            "Example: tol select --predictions md=out/megadetector --predictions clip=out/clip "
                + "--where \"md.is_empty = false\" --where \"clip.pred_label NOT IN ('tag', 'label')\" --output keep.parquet"})
public final class SelectCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--predictions", required = true, arity = "1..*", paramLabel = "[ALIAS=]OUT",
            description = "Collected outputs (directories with predictions.parquet) or Parquet files; ALIAS (default: the "
                    + "directory name) qualifies their columns in --where.")
    List<String> predictions;

    @Option(names = "--where", paramLabel = "SQL",
            description = "A DuckDB SQL condition a kept row satisfies; repeat to AND several, each counted as its own drop reason.")
    List<String> where = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "FILE",
            description = "Parquet files with a uuid column (e.g. 'tol pdq dedup' exclude.parquet): listed uuids are dropped.")
    List<Path> excludes = new ArrayList<>();

    @Option(names = "--columns", split = ",", paramLabel = "COL",
            description = "More columns for the keep-list (COL or ALIAS.COL), e.g. source_id for 'tol lookup build'.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--keep-failed", description = "Keep rows whose status is not ok (default: dropped as 'ALIAS status S').")
    boolean keepFailed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "KEEP", description = "The keep-list Parquet to write.")
    Path output;

    @Option(names = "--dropped", paramLabel = "FILE", description = "Also write the dropped rows (uuid, drop_reason).")
    Path dropped;

    @Option(names = "--force", description = "Replace existing output files.")
    boolean force;

    @Option(names = "--input", paramLabel = "DATA", description = "With --extract: the images-in-Parquet the predictions were made from.")
    List<String> input = new ArrayList<>();

    @Option(names = "--extract", paramLabel = "DIR", description = "Also write the kept rows (all columns, images as stored) "
            + "under DIR, one file per input file with kept rows.")
    Path extract;

    @Option(names = "--memory-limit", paramLabel = "SIZE", description = "DuckDB's memory limit, e.g. 8GB (default: DuckDB's, 80%% of RAM).")
    String memoryLimit;

    @Option(names = "--json", description = "Print a JSON summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (extract != null && input.isEmpty()) {
            throw TolException.usage("--extract needs --input DATA", "pass the images-in-Parquet the predictions were made from");
        }
        for (Path p : dropped == null ? List.of(output) : List.of(output, dropped)) {
            if (Files.exists(p) && !force) {
                throw TolException.usage(p + " exists", "choose another --output/--dropped or pass --force to replace it");
            }
        }
        List<PredictionSource> sources = predictions.stream().map(PredictionSource::parse).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        try (DuckDb db = DuckDb.open(0)) {
            Path tmp = output.toAbsolutePath().getParent().resolve(".tmp-duckdb-" + ProcessHandle.current().pid());
            db.execute("SET temp_directory = " + DuckDb.literal(tmp.toString()));
            if (memoryLimit != null) {
                db.execute("SET memory_limit = " + DuckDb.literal(memoryLimit));
            }
            try {
                Selection.Result r = new Selection(sources, where, excludes, keepFailed, columns).run(db, output, dropped);
                summary.put("keep", output.toAbsolutePath().toString());
                summary.put("rows", r.rows());
                summary.put("kept", r.kept());
                summary.put("dropped", r.rows() - r.kept());
                summary.put("dropped_by_reason", r.droppedByReason());
                summary.put("columns", r.columns());
                if (extract != null) {
                    SelectedRowsWriter.Result x = SelectedRowsWriter.write(db, output, input, extract);
                    summary.put("extracted", Map.of("output", x.output().toAbsolutePath().toString(), "rows", x.rows(),
                            "files_written", x.filesWritten(), "files_resumed", x.filesResumed()));
                }
            } finally {
                deleteTree(tmp);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.pretty(summary) : text(summary));
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> s) {
        StringBuilder b = new StringBuilder(String.format("kept %s of %s rows -> %s%n", s.get("kept"), s.get("rows"), s.get("keep")));
        ((Map<String, Long>) s.get("dropped_by_reason")).forEach((k, v) -> b.append(String.format("  dropped %8d  %s%n", v, k)));
        if (s.containsKey("extracted")) {
            Map<String, Object> x = (Map<String, Object>) s.get("extracted");
            b.append(String.format("extracted %s rows into %s%n", x.get("rows"), x.get("output")));
        }
        return b.toString().stripTrailing();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
