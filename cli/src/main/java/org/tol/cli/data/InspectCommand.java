package org.tol.cli.data;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.image.ImageDecoder;
import org.tol.io.json.Json;
import org.tol.io.parquet.InputFiles;
import org.tol.stages.inspect.InspectReport;
import org.tol.stages.inspect.Inspector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Schema, row groups, row count and a decode pass over every image.",
            "Exit code 3 when any row is bad or any file unreadable."})
public final class InspectCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Parquet files, directories, .txt lists or Parquet path lists (a 'path' column).")
    List<String> paths;

    @Option(names = "--json", description = "Print one JSON object (rows, ok, bad, bad_rows, files).")
    boolean json;

    @Option(names = "--threads", defaultValue = "0", description = "Decode threads (default: all cores).")
    int threads;

    @Option(names = "--max-pixels", defaultValue = "900000000", description = "Pixel limit per image (default: 30000²).")
    long maxPixels;

    @Override
    public Integer call() throws Exception {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter out = spec.commandLine().getOut();
        InspectReport r = new Inspector(new ImageDecoder(maxPixels), n).inspect(InputFiles.resolve(paths), f -> {
            if (!json) {
                out.printf("%s%n  rows %d in %d row groups, codecs %s, written by %s%n  ok %d, bad %d%s%n", f.path(),
                        f.rows(), f.rowGroups(), f.codecs(), f.createdBy(), f.ok(), f.bad(),
                        f.error() == null ? "" : "\n  ERROR " + f.error());
            }
        });
        if (json) {
            out.println(Json.pretty(r));
        } else {
            if (!r.files().isEmpty()) {
                out.println("schema of " + r.files().get(0).path() + ":");
                r.files().get(0).schema().forEach(c -> out.println("  " + c));
            }
            for (InspectReport.BadRow b : r.badRows()) {
                out.printf("bad row: %s row %d uuid %s: %s (%s)%n", b.file(), b.row(), b.uuid(), b.reason(), b.message());
            }
            out.printf("%d rows: %d ok, %d bad; %d unreadable files%n", r.rows(), r.ok(), r.bad(), r.failedFiles());
        }
        return r.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
