package org.tol.cli.detect;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.runtime.collect.PartialCollect;
import org.tol.filters.megadetector.MegaDetectorJsonExport;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol export megadetector-json OUT}: MegaDetector batch-output JSON from a collected megadetector run. */
@Command(name = "megadetector-json", mixinStandardHelpOptions = true,
        description = "Writes OUT/predictions.parquet of a megadetector run as MegaDetector batch-output JSON "
                + "(format 1.4) for Timelapse and MegaDetector's postprocessing tools; 'file' is --file-column (default: "
                + "identifier when the predictions have it, else the uuid). --per-rank writes one file per predictions_rank{R}.parquet.")
public final class MegaDetectorJsonCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The --output directory of a collected megadetector run.")
    Path out;

    @Option(names = "--to", paramLabel = "FILE", description = "JSON file to write (default: OUT/megadetector.json[l]; with --per-rank: the directory, default OUT).")
    Path target;

    @Option(names = "--threshold", defaultValue = "0", paramLabel = "C",
            description = "Leave out detections below C (default: ${DEFAULT-VALUE}: every stored box).")
    float threshold;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--file-column", paramLabel = "COL",
            description = "Column written as 'file' (default: identifier when present, else uuid; copy input columns with --keep-columns).")
    String fileColumn;

    @Option(names = "--jsonl", description = "JSON Lines: one image object a line (info and categories in FILE.info.json).")
    boolean jsonLines;

    @Option(names = "--per-rank", description = "One file per rank, from OUT/predictions_rank{R}.parquet (no collect needed): "
            + "OUT/megadetector_rank{R}.json[l].")
    boolean perRank;

    @Override
    public Integer call() throws Exception {
        PartialCollect.warning(out.resolve("summary.json"))
                .ifPresent(msg -> spec.commandLine().getErr().println("tol: warning: " + msg));
        String ext = jsonLines ? ".jsonl" : ".json";
        if (perRank) {
            return exportPerRank(ext);
        }
        Path file = target != null ? target : out.resolve("megadetector" + ext);
        MegaDetectorJsonExport.Result r = MegaDetectorJsonExport.export(out.resolve("predictions.parquet"), file,
                fingerprint(out.resolve("summary.json")), threshold, fileColumn, jsonLines);
        print(file, r);
        return ExitCodes.OK;
    }

    private int exportPerRank(String ext) throws Exception {
        java.util.List<Path> files;
        try (var s = Files.list(out)) {
            files = s.filter(p -> p.getFileName().toString().matches("predictions_rank\\d+\\.parquet")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw org.tol.api.TolException.usage("no predictions_rank{R}.parquet in " + out,
                    "each rank writes its file when it has no work left; or export the collected predictions without --per-rank");
        }
        Map<String, String> fp = runFingerprint();
        for (Path p : files) {
            String rank = p.getFileName().toString().replaceAll("\\D", "");
            Path file = (target != null ? target : out).resolve("megadetector_rank" + rank + ext);
            print(file, MegaDetectorJsonExport.export(p, file, fp, threshold, fileColumn, jsonLines));
        }
        return ExitCodes.OK;
    }

    /** The fingerprint from summary.json, else from run.json (per-rank export of an uncollected run). */
    private Map<String, String> runFingerprint() throws Exception {
        Map<String, String> fp = fingerprint(out.resolve("summary.json"));
        return fp.isEmpty() ? fingerprint(out.resolve("run.json")) : fp;
    }

    private void print(Path file, MegaDetectorJsonExport.Result r) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toAbsolutePath().toString());
            m.put("images", r.images());
            m.put("failures", r.failures());
            m.put("detections", r.detections());
            w.println(Json.pretty(m));
        } else {
            w.printf("wrote %s: %d images (%d failed), %d detections%n", file, r.images(), r.failures(), r.detections());
        }
        w.flush();
    }

    /** The run's fingerprint from summary.json (written by tol collect), for the JSON's info block. */
    private static Map<String, String> fingerprint(Path summary) throws Exception {
        if (!Files.isRegularFile(summary)) {
            return Map.of();
        }
        Map<String, Object> s = Json.mapper().readValue(summary.toFile(), new TypeReference<Map<String, Object>>() {});
        Map<String, String> fp = new LinkedHashMap<>();
        if (s.get("fingerprint") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fp.put(String.valueOf(k), String.valueOf(v)));
        }
        return fp;
    }
}
