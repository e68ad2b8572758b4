package org.tol.runtime.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartNames;
import org.tol.checkpoint.PartRecord;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.filters.imagestats.ImageStatsBench;
import org.tol.runtime.exec.RankStats;
import org.tol.runtime.status.StatusReport;
import org.tol.runtime.status.VerifyReport;

/**
 * {@code tol bench plan}: the bookkeeping of a large job on a synthetic plan (no input data): planning (largest
 * first, a rank's LPT share, run.json written and read back) and {@code tol status} over an OUT where every
 * unit has its parts listed, processed-log lines and one stats file per rank. Each phase reports its time and
 * the process's peak RSS.
 */
public final class PlanBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanBench() {}

    /** Units of heavy-tailed sizes, one per file, as the planner makes for files under the split size. */
    static List<WorkUnit> units(int files, long seed) {
        Random r = new Random(seed);
        List<WorkUnit> units = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            long bytes = (long) (200e6 * Math.exp(0.5 * r.nextGaussian()) * (r.nextDouble() < 0.01 ? 20 : 1));
            String rel = String.format("source=%d/server=%d/data_%d.parquet", i % 7, i % 97, i);
            units.add(new WorkUnit(rel, "/fs/ess/TreeOfLife/data/" + rel, bytes, 0, -1));
        }
        return units;
    }

    /** Plans in OUT = {@code dir}: order, rank {@code ranks - 1}'s share (the slowest to compute), run.json. */
    public static Map<String, Object> plan(Path dir, int files, int ranks) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        List<WorkUnit> order = Lpt.largestFirst(units(files, 1));
        long t1 = System.nanoTime();
        List<WorkUnit> share = Lpt.share(order, ranks - 1, ranks);
        long t2 = System.nanoTime();
        OutLayout out = new OutLayout(Files.createDirectories(dir));
        RunStore.write(out, new RunPlan("bench-plan", Map.of("bench", "plan"), List.of("/fs/ess/TreeOfLife/data"), order));
        long t3 = System.nanoTime();
        RunPlan back = RunStore.read(out);
        long t4 = System.nanoTime();
        m.put("units", back.units().size());
        m.put("order_s", (t1 - t0) / 1e9);
        m.put("share_of_one_rank_s", (t2 - t1) / 1e9);
        m.put("share_units", share.size());
        m.put("write_run_json_s", (t3 - t2) / 1e9);
        m.put("read_run_json_s", (t4 - t3) / 1e9);
        m.put("run_json_bytes", Files.size(out.runFile()));
        m.put("peak_rss_bytes", ImageStatsBench.peakRss());
        return m;
    }

    /**
     * Makes the plan's OUT look finished on {@code ranks} ranks: one listed part per unit (an empty file without
     * recorded size or checksum, which status accepts), processed-log lines, a stats file per rank.
     */
    public static void finishedOut(Path dir, int ranks) throws IOException {
        OutLayout out = new OutLayout(dir);
        RunPlan plan = RunStore.read(out);
        List<List<WorkUnit>> byRank = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            byRank.add(new ArrayList<>());
        }
        for (int i = 0; i < plan.units().size(); i++) {
            byRank.get(i % ranks).add(plan.units().get(i));
        }
        for (int r = 0; r < ranks; r++) {
            Files.createDirectories(out.checkpointDir(r));
            Files.createDirectories(out.processedLog(r).getParent());
            RankStats stats = new RankStats(r, plan.units().size(), byRank.get(r).size(), 0);
            try (Writer man = Files.newBufferedWriter(out.manifest(r)); Writer log = Files.newBufferedWriter(out.processedLog(r))) {
                for (WorkUnit u : byRank.get(r)) {
                    String part = PartNames.part(u.id(), 0);
                    Files.write(out.checkpointDir(r).resolve(part), new byte[0]); // status checks that it exists
                    man.write(JSON.writeValueAsString(new PartRecord(u.id(), part, 0, 1800, true, null, null, null)) + "\n");
                    log.write(u.logLine() + "\n");
                    stats.unitsDone.incrementAndGet();
                    stats.rows.addAndGet(1800);
                    stats.bytesDone.addAndGet(u.bytes());
                }
            }
            stats.state("finished");
            Files.createDirectories(out.stats(r).getParent());
            Files.writeString(out.stats(r), JSON.writeValueAsString(stats.toJson()));
        }
    }

    /** One {@code tol status} report over OUT = {@code dir}. */
    public static Map<String, Object> status(Path dir) throws IOException {
        long t0 = System.nanoTime();
        Map<String, Object> report = StatusReport.build(new OutLayout(dir), 600);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        m.put("state", report.get("state"));
        m.put("ranks", ((List<?>) report.get("ranks")).size());
        m.put("peak_rss_bytes", ImageStatsBench.peakRss());
        return m;
    }

    /** One {@code tol verify} report over OUT = {@code dir} (inputs, plan, every part's size and checksum). */
    public static Map<String, Object> verify(Path dir) throws IOException {
        long t0 = System.nanoTime();
        Map<String, Object> report = VerifyReport.build(new OutLayout(dir));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        m.put("report_keys", report.keySet());
        m.put("peak_rss_bytes", ImageStatsBench.peakRss());
        return m;
    }
}
