package org.tol.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.io.json.Json;
import org.tol.runtime.collect.CollectBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol bench collect}: time and peak RSS of {@code tol collect} over a synthetic run of N small rows. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Generates a finished run of N prediction rows in small parts (no images), then times one "
                + "collect over it in a fresh JVM and reports its peak RSS.")
public final class CollectBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--rows-per-part", defaultValue = "10000", description = "Rows per part file (default: ${DEFAULT-VALUE}).")
    int rowsPerPart;

    @Option(names = "--parts-per-unit", defaultValue = "10", description = "Parts per work unit (default: ${DEFAULT-VALUE}).")
    int partsPerUnit;

    @Option(names = "--ranks", defaultValue = "8", description = "Ranks the units are spread over (default: ${DEFAULT-VALUE}).")
    int ranks;

    @Option(names = "--dup-every", defaultValue = "100000", paramLabel = "K",
            description = "Every K-th row repeats the previous row (identical duplicate uuid); 0 = none (default: ${DEFAULT-VALUE}).")
    long dupEvery;

    @Option(names = "--heap", defaultValue = "256m", description = "-Xmx of the collecting JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--work", defaultValue = "bench-collect", paramLabel = "DIR",
            description = "Synthetic run directory; reused when it holds the same --rows (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--json", description = "Print JSON only.")
    boolean json;

    @Option(names = "--phase-collect", hidden = true)
    Path phaseCollect;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (phaseCollect != null) {
            out.println(BenchChild.line(CollectBench.collect(phaseCollect)));
            out.flush();
            return 0;
        }
        Path dir = work.resolve("rows-" + rows + "-part-" + rowsPerPart + "-dup-" + dupEvery);
        Map<String, Object> gen = null;
        if (!Files.exists(dir.resolve("run.json"))) {
            Path tmp = work.resolve(".generating-" + ProcessHandle.current().pid());
            gen = CollectBench.generate(tmp, rows, rowsPerPart, partsPerUnit, ranks, dupEvery);
            Files.move(tmp, dir);
        }
        Map<String, Object> c = BenchChild.run(heap, List.of("bench", "collect", "--phase-collect", dir.toString()));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rows", rows);
        report.put("rows_per_part", rowsPerPart);
        report.put("heap", heap);
        report.put("generated", gen);
        report.put("collect", c);
        if (json) {
            out.println(Json.pretty(report));
        } else {
            out.printf("collect of %,d rows in parts of %,d (-Xmx%s): %.1f s (%,.0f rows/s, %.1f CPU s), peak RSS %,d MB, %s rows "
                    + "written, %s identical duplicates dropped%n", rows, rowsPerPart, heap, c.get("seconds"),
                    c.get("rows_per_s"), c.get("cpu_seconds"), ((Number) c.get("peak_rss_bytes")).longValue() >> 20, c.get("rows"),
                    c.get("duplicate_uuids_identical"));
        }
        out.flush();
        return ((Number) c.get("exit_code")).intValue();
    }
}
