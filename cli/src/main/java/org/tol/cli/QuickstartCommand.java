package org.tol.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tol quickstart}: the whole pipeline on built-in sample data, no download, no GPU. Each step is a
 * real tol command line (the same a user would type), so the quickstart doubles as a smoke test of the
 * CLI; the summary lists what each step produced and where.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline on built-in sample data (no download, no GPU).",
            "Each step is a real tol command line; the run ends with a summary of what each produced."})
public final class QuickstartCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", defaultValue = "quickstart-out", paramLabel = "DIR",
            description = "Working directory for data and outputs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--images", defaultValue = "96", description = "Sample images (default: ${DEFAULT-VALUE}).")
    int images;

    /**
     * One CLI invocation; {@code okCodes} are the exit codes that mean the step did what it should, and the
     * first stdout line starting with {@code resultPrefix} (else the last line) is shown as its result.
     */
    record Step(String title, List<String> args, Set<Integer> okCodes, String produces, String resultPrefix) {
        Step(String title, List<String> args, Set<Integer> okCodes, String produces) {
            this(title, args, okCodes, produces, null);
        }
    }

    List<Step> steps() {
        String d = dir.toString();
        String data = d + "/sample/data";
        List<Step> s = new ArrayList<>();
        s.add(new Step("make sample data", List.of("sample", "make", "--out", d + "/sample", "--files", "4",
                "--images", Integer.toString(images), "--seed", "42", "--bad-rows", "3"), Set.of(0),
                d + "/sample (manifest.json lists planted bad rows and near-duplicates)"));
        s.add(new Step("inspect (3 planted bad rows -> exit 3)", List.of("inspect", data), Set.of(3),
                "decode report on stdout"));
        String stats = d + "/image-stats";
        s.add(new Step("filter image-stats on 2 local ranks", List.of("launch", "--local", "2", "--", "filter",
                "image-stats", "--input", data, "--output", stats), Set.of(0),
                stats + "/predictions_rank{0,1}.parquet, checkpoints_rank*/, logs/"));
        s.add(new Step("collect image-stats", List.of("collect", stats), Set.of(0),
                stats + "/predictions.parquet, failures.parquet (the 3 bad rows), summary.json", "collected"));
        s.add(new Step("status of the image-stats run", List.of("status", stats), Set.of(0), "progress rebuilt from files", d));
        addDataStages(s, d, data);
        addPdq(s, d, data);
        addWds(s, d, data);
        addClip(s, d, data);
        addDetectors(s, d, data);
        s.add(new Step("select: non-empty frames not labelled 'demo: dark'", List.of("select", "--predictions",
                "md=" + d + "/megadetector", "--predictions", "clip=" + d + "/clip", "--where", "md.is_empty = false", "--where",
                "clip.pred_label <> 'demo: dark'", "--output", d + "/keep.parquet", "--force"), Set.of(0),
                d + "/keep.parquet (uuid + the columns used)", "kept"));
        s.add(new Step("report: one HTML page about every run", List.of("report", d + "/clip", d + "/megadetector", d + "/faces",
                d + "/pdq/dedup", stats, "--output", d + "/report.html"), Set.of(0), d + "/report.html (open it in a browser)"));
        return s;
    }

    /** The data stages: uuid index, a group's lookup table, extraction, categories, decoded images. */
    private static void addDataStages(List<Step> s, String d, String data) {
        String index = d + "/lookup/index";
        String lookup = d + "/lookup/museum_specimen_all";
        String extracted = d + "/extract/museum_specimen_all";
        s.add(new Step("lookup index (uuid -> file, row)", List.of("lookup", "index", "--input", data, "--output", index),
                Set.of(0), index + "/part-*.parquet", "lookup-index:"));
        s.add(new Step("lookup build museum_specimen_all (2 files a batch)", List.of("lookup", "build", "--group",
                "museum_specimen_all", "--attributes", d + "/sample/attributes", "--index", index, "--output", lookup,
                "--max-files-per-batch", "2", "--memory-limit", "1GB"), Set.of(0), lookup + "/group_id=<k>/part-00000.parquet",
                "lookup-build:"));
        s.add(new Step("extract the group's images", List.of("extract", "--lookup", lookup, "--output", extracted,
                "--target-file-size", "16m"), Set.of(0), extracted + "/group_id=<k>/part-*.parquet", "extract:"));
        s.add(new Step("extract categorize (museum-specimen rules)", List.of("extract", "categorize", "--input", extracted,
                "--output", d + "/extract/by_category", "--max-records-per-file", "10"), Set.of(0),
                d + "/extract/by_category/category=<name>/", "extract-categorize:"));
        s.add(new Step("decode to PNG, one tar per file (bad rows -> exit 3)", List.of("decode", "--input", extracted,
                "--output", d + "/decode", "--format", "png", "--archive", "tar"), Set.of(0, 3),
                d + "/decode/<file>.tar", "decode:"));
    }

    /** PDQ hashes through the runtime, then near-duplicate clusters: should find the sampler's planted pairs. */
    private static void addPdq(List<Step> s, String d, String data) {
        String hash = d + "/pdq/hash";
        s.add(new Step("pdq hash + collect", List.of("pdq", "hash", "--input", data, "--output", hash, "--collect"),
                Set.of(0), hash + "/predictions.parquet (hash_pdq, pdq_hex, pdq_quality)"));
        s.add(new Step("pdq dedup (finds the planted near-duplicates)", List.of("pdq", "dedup", "--input", hash,
                "--output", d + "/pdq/dedup"), Set.of(0), d + "/pdq/dedup"));
    }

    /** WebDataset shards of the sample on 2 ranks, then check and catalog them (split "val"). */
    private static void addWds(List<Step> s, String d, String data) {
        String shards = d + "/wds/224x224/val";
        s.add(new Step("wds build on 2 local ranks (3 bad rows -> exit 3)", List.of("launch", "--local", "2", "--", "wds",
                "build", "--input", data, "--taxa", d + "/sample/attributes/taxonomy.parquet", "--output",
                d + "/wds-build", "--publish-dir", shards, "--shard-max-count", "40"), Set.of(3),
                shards + "/shard-NNNNNN.tar (+ .tar.json manifests)"));
        s.add(new Step("wds check --decode", List.of("wds", "check", shards, "--decode", "--report-dir", d + "/wds"),
                Set.of(0), d + "/wds/bad-shards.txt, wds-check.json"));
        s.add(new Step("wds catalog", List.of("wds", "catalog", "--dir", d + "/wds/224x224"), Set.of(0),
                d + "/wds/224x224/catalog.csv (17 columns)"));
    }

    /** CLIP top-1 against a support set, with a demo model of CLIP's signature (labels by colour, not CLIP). */
    private static void addClip(List<Step> s, String d, String data) {
        String model = d + "/models/clip-demo.onnx";
        String support = d + "/models/clip-demo-support.pt";
        s.add(new Step("build the demo CLIP-signature model (DEMO model)", List.of("models", "demo", "clip", "--out", model,
                "--support-set-out", support), Set.of(0), model + " + " + support));
        s.add(new Step("support-set inspect", List.of("support-set", "inspect", support), Set.of(0),
                "labels, shapes, dtypes, norms"));
        String clip = d + "/clip";
        s.add(new Step("filter clip (top-1 cosine, top-3) + collect", List.of("filter", "clip", "--input", data,
                "--output", clip, "--model", model, "--support-set", support, "--device", "cpu", "--batch-size", "32",
                "--top-k", "3", "--collect"), Set.of(0), clip + "/predictions.parquet (pred_label, pred_score, top-k)"));
    }

    /** MegaDetector and MTCNN with demo models of the real signatures (not real detectors: see docs/detectors.md). */
    private static void addDetectors(List<Step> s, String d, String data) {
        String md = d + "/megadetector";
        s.add(new Step("build the demo MegaDetector (DEMO model)", List.of("models", "demo", "megadetector", "--out",
                d + "/models/megadetector-demo.onnx"), Set.of(0), d + "/models/megadetector-demo.onnx"));
        s.add(new Step("filter megadetector + collect", List.of("filter", "megadetector", "--input", data, "--output", md,
                "--model", d + "/models/megadetector-demo.onnx", "--collect"), Set.of(0),
                md + "/predictions.parquet (img_id, n_animal_detected, is_empty, detections)"));
        s.add(new Step("export MegaDetector batch JSON", List.of("export", "megadetector-json", md), Set.of(0),
                "MegaDetector 1.4 JSON for Timelapse and friends"));
        String faces = d + "/faces";
        s.add(new Step("build the demo MTCNN nets (DEMO models)", List.of("models", "demo", "faces", "--out",
                d + "/models/mtcnn-demo"), Set.of(0), d + "/models/mtcnn-demo/{pnet,rnet,onet}.onnx"));
        s.add(new Step("filter faces (MTCNN cascade) + collect", List.of("filter", "faces", "--input", data, "--output",
                faces, "--models-dir", d + "/models/mtcnn-demo", "--collect"), Set.of(0),
                faces + "/predictions.parquet (pred_label, pred_score, faces)"));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> summary = new ArrayList<>();
        boolean ok = true;
        int n = 0;
        List<Step> steps = steps();
        org.tol.cli.gbif.GbifQuickstart gbif = startGbif();
        if (gbif != null) {
            gbif.lines(dir + "/sample/data").forEach(l -> steps.add(new Step(l.title(), l.args(), Set.of(l.okCode()), l.produces())));
        }
        for (Step step : steps) {
            n++;
            err.printf("%n== quickstart %d/%d: %s%n   $ tol %s%n", n, steps.size(), step.title(), String.join(" ", step.args()));
            err.flush();
            long t0 = System.nanoTime();
            CommandLine cl = TolCommand.commandLine();
            java.io.StringWriter captured = new java.io.StringWriter();
            cl.setOut(new PrintWriter(captured, true));
            int rc = cl.execute(step.args().toArray(String[]::new));
            String result = collectedSummary(step.args()).orElseGet(() -> resultLine(captured.toString(), step.resultPrefix()));
            if (!result.isEmpty()) {
                err.println("   -> " + result);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            boolean stepOk = step.okCodes().contains(rc);
            ok &= stepOk;
            summary.add(String.format("%s %-44s exit %-3d %6.1fs  %s%n         %s", stepOk ? "ok  " : "FAIL", step.title(),
                    rc, secs, step.produces(), result));
            if (!stepOk) {
                break;
            }
        }
        if (gbif != null) {
            gbif.close();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("quickstart summary (" + dir.toAbsolutePath() + "):");
        summary.forEach(line -> out.println("  " + line));
        out.println(ok ? "quickstart finished: every step did what it should." : "quickstart FAILED at the step marked FAIL.");
        if (ok) {
            out.println("report: " + dir.resolve("report.html").toAbsolutePath());
        }
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** For {@code filter ... --output OUT --collect}: the rows by status from OUT/summary.json. */
    /** The local image server of the GBIF steps; null (steps skipped) when no loopback port can be opened. */
    private org.tol.cli.gbif.GbifQuickstart startGbif() {
        try {
            return new org.tol.cli.gbif.GbifQuickstart(dir);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("quickstart: no local HTTP server (" + e.getMessage() + "): GBIF steps skipped");
            return null;
        }
    }

    private static java.util.Optional<String> collectedSummary(List<String> args) {
        int o = args.indexOf("--output");
        if (!args.contains("--collect") || o < 0) {
            return java.util.Optional.empty();
        }
        Path summary = Path.of(args.get(o + 1), "summary.json");
        try {
            var tree = org.tol.io.json.Json.mapper().readTree(summary.toFile());
            return java.util.Optional.of("collected " + tree.path("rows").asText() + " rows, by status "
                    + tree.path("rows_by_status").toString() + (tree.path("partial").asBoolean(false)
                            ? " (PARTIAL: " + tree.path("units_missing").asText() + " units missing)" : "")
                    + " -> " + summary);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String resultLine(String text, String prefix) {
        String[] lines = text.strip().split("\\R");
        if (prefix != null) {
            for (String l : lines) {
                if (l.strip().startsWith(prefix)) {
                    return l.strip();
                }
            }
        }
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
