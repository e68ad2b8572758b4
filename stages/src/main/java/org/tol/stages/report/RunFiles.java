package org.tol.stages.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RankedPart;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.json.Json;
import org.tol.runtime.status.StatusReport;

/**
 * What one output gives a report: a filter run's directory (running, stopped or collected), a
 * {@code tol pdq dedup} directory, or a single predictions Parquet file. For a run, the rows come from the
 * collected {@code predictions.parquet} when it exists, else from the committed parts the manifests list, so a
 * run still in progress can be reported on.
 *
 * @param predictions  the Parquet files holding the rows (empty for a dedup directory)
 * @param unitOfPart   committed part file to the work unit it holds rows of (finds a row's source image)
 * @param timeline     per rank, the commit times of its parts with the rows committed so far, ascending
 */
record RunFiles(Path root, String name, RunPlan plan, Map<String, Object> status, JsonNode summary,
        List<Path> predictions, Map<Path, WorkUnit> unitOfPart, Path clusters,
        Map<Integer, List<long[]>> timeline) {
    static final String CLUSTERS = "clusters.parquet";

    static RunFiles load(Path path, double staleSeconds) throws IOException {
        Path root = path.toAbsolutePath().normalize();
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        if (Files.isRegularFile(root) && name.endsWith(".parquet")) {
            return new RunFiles(root, name, null, null, null, List.of(root), Map.of(), null, Map.of());
        }
        if (!Files.isDirectory(root)) {
            throw new TolException("no such output: " + root,
                    "pass a 'tol filter' --output directory, a 'tol pdq dedup' output or a Parquet file", ExitCodes.USAGE, null);
        }
        JsonNode summary = readJson(root.resolve("summary.json"));
        if (Files.exists(root.resolve(CLUSTERS))) {
            return new RunFiles(root, name, null, null, summary, List.of(), Map.of(), root.resolve(CLUSTERS), Map.of());
        }
        OutLayout out = new OutLayout(root);
        RunPlan plan = RunStore.read(out);
        if (plan == null) {
            throw new TolException("nothing to report in " + root + ": no run.json, clusters.parquet or predictions",
                    "pass a 'tol filter' --output directory, a 'tol pdq dedup' output or a Parquet file", ExitCodes.USAGE, null);
        }
        // sizes only, as tol status: a report must not read every part twice over (collect checks the checksums)
        DoneState done = DoneState.load(out, org.tol.checkpoint.PartCheck.Depth.SIZE).withInputs(plan.unitInputKeys());
        Map<Path, WorkUnit> unitOfPart = new LinkedHashMap<>();
        List<RankedPart> counted = new ArrayList<>();
        for (WorkUnit u : plan.units()) {
            for (RankedPart p : done.contiguousParts(u.id())) {
                if (Files.exists(p.file())) {
                    unitOfPart.put(p.file().toAbsolutePath().normalize(), u);
                    counted.add(p);
                }
            }
        }
        List<Path> predictions = Files.exists(out.collected()) ? List.of(out.collected())
                : new ArrayList<>(unitOfPart.keySet());
        return new RunFiles(root, name, plan, StatusReport.build(out, staleSeconds), summary, predictions, unitOfPart,
                null, timeline(counted));
    }

    /** Per rank: [commit time ms, rows committed by then], from the part files' modification times. */
    private static Map<Integer, List<long[]>> timeline(List<RankedPart> parts) throws IOException {
        Map<Integer, List<long[]>> events = new TreeMap<>();
        for (RankedPart p : parts) {
            FileTime t = Files.getLastModifiedTime(p.file());
            events.computeIfAbsent(p.rank(), k -> new ArrayList<>()).add(new long[] {t.toMillis(), p.record().rows()});
        }
        for (List<long[]> e : events.values()) {
            e.sort(Comparator.comparingLong(a -> a[0]));
            long sum = 0;
            for (long[] ev : e) {
                sum += ev[1];
                ev[1] = sum;
            }
        }
        return events;
    }

    private static JsonNode readJson(Path file) throws IOException {
        return Files.exists(file) ? Json.mapper().readTree(file.toFile()) : null;
    }

    boolean isRun() {
        return plan != null;
    }

    /** The filter name from run.json, "pdq-dedup" for a dedup directory, else "predictions". */
    String kind() {
        return plan != null ? plan.filter() : clusters != null ? "pdq-dedup" : "predictions";
    }
}
