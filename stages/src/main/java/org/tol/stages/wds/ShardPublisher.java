package org.tol.stages.wds;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.StageRecord;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.json.Json;
import org.tol.wds.ShardManifest;
import org.tol.wds.ShardNames;
import org.tol.wds.ShardPlacement;
import org.tol.wds.ShardReader;
import org.tol.wds.ShardWriter;
import org.tol.wds.Sample;

/**
 * Publishes a finished {@code wds build}: every committed unit's shards, in unit-id order, become
 * {@code OUT/shards/shard-000000.tar ...} (hard links, so no copy; a copy where links are not supported), each
 * with its manifest, plus {@code OUT/build-summary.json}. The numbering depends only on the inputs, never on the
 * rank count. Unit shards are verified against their manifests first and a damaged unit is rebuilt
 * ({@link UnitRepair}); a key already published by an earlier unit is dropped by rewriting that shard, so no key
 * is in two shards. Idempotent, and serialised by a lock
 * file so that whichever rank finishes last may run it.
 */
public final class ShardPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ShardPublisher.class);
    public static final String SHARDS_DIR = "shards";

    /** What publishing found; {@code complete} false means units are missing (nothing was published). */
    public record Summary(boolean complete, int units, List<String> missingUnits, long samples, int shards,
            long failedRows, Map<String, Long> failuresByStatus, long duplicateKeysDropped,
            List<String> badUnitShards, String shardsDir) {}

    private ShardPublisher() {}

    /** Publishes into {@code OUT/shards}, without repairs. */
    public static Summary publish(Path outRoot) throws IOException {
        return publish(outRoot, null, null);
    }

    /**
     * Publishes into {@code shardsDir} (null: {@code OUT/shards}), e.g. {@code .../224x224/val} for a catalog.
     * A committed unit whose shards no longer match their manifests is rebuilt with {@code rebuilder} (when not
     * null) and repaired; while any damage remains nothing is (re)published.
     */
    public static Summary publish(Path outRoot, Path shardsDir, UnitRepair.Rebuilder rebuilder) throws IOException {
        OutLayout out = new OutLayout(outRoot.toAbsolutePath());
        Files.createDirectories(out.root());
        Path dir = shardsDir != null ? shardsDir.toAbsolutePath() : out.root().resolve(SHARDS_DIR);
        try (FileChannel ch = FileChannel.open(out.root().resolve(".publish.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            return publishLocked(out, dir, rebuilder);
        }
    }

    private static Summary publishLocked(OutLayout out, Path dir, UnitRepair.Rebuilder rebuilder) throws IOException {
        RunPlan plan = RunStore.read(out);
        // A unit redone after its input file changed (--replan) counts by its commit from the current file.
        DoneState done = DoneState.load(out).withInputs(plan.unitInputKeys());
        List<String> ids = new ArrayList<>();
        for (WorkUnit u : plan.units()) {
            ids.add(u.id());
        }
        ids.sort(null);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (done.stageCommit(id) == null) {
                missing.add(id);
            }
        }
        Map<String, Long> byStatus = new TreeMap<>();
        long failed = 0;
        for (String id : ids) {
            StageRecord rec = done.stageCommit(id);
            if (rec != null && rec.failures() != null) {
                for (Map<String, String> f : rec.failures()) {
                    byStatus.merge(f.get("status"), 1L, Long::sum);
                    failed++;
                }
            }
        }
        if (!missing.isEmpty()) {
            return new Summary(false, ids.size(), missing, 0, 0, failed, byStatus, 0, List.of(), null);
        }
        List<String> bad = verifyAndRepair(out, plan, ids, done, rebuilder);
        if (!bad.isEmpty()) {
            LOG.error("{} unit shards do not match their manifests and could not be repaired; nothing was published: {}",
                    bad.size(), bad);
            Summary s = new Summary(false, ids.size(), List.of(), 0, 0, failed, byStatus, 0, bad, dir.toString());
            Json.writeAtomically(out.root().resolve("build-summary.json"), s);
            return s;
        }
        Files.createDirectories(dir);
        Set<String> published = new HashSet<>();
        long samples = 0;
        long dropped = 0;
        int n = 0;
        for (String id : ids) {
            for (Path src : unitShards(out.root(), done.stageCommit(id))) {
                ShardManifest m = ShardManifest.read(ShardNames.manifestOf(src));
                List<ShardManifest.Entry> keep = new ArrayList<>();
                for (ShardManifest.Entry e : m.samples()) {
                    if (published.add(e.key())) {
                        keep.add(e);
                    }
                }
                if (keep.isEmpty()) {
                    dropped += m.samples().size();
                    continue;
                }
                Path target = dir.resolve(ShardNames.tarName(n++));
                if (keep.size() == m.samples().size()) {
                    link(src, target, m);
                } else {
                    dropped += m.samples().size() - keep.size();
                    rewrite(src, target, keep);
                }
                samples += keep.size();
            }
        }
        removeStale(dir, n);
        Summary s = new Summary(true, ids.size(), List.of(), samples, n, failed, byStatus, dropped, List.of(),
                dir.toString());
        Json.writeAtomically(out.root().resolve("build-summary.json"), s);
        return s;
    }

    /** Checks every unit shard against its manifest (size, SHA-256), repairing what it can; returns what is left. */
    private static List<String> verifyAndRepair(OutLayout out, RunPlan plan, List<String> ids, DoneState done,
            UnitRepair.Rebuilder rebuilder) {
        Map<String, String> paths = new java.util.HashMap<>();
        plan.units().forEach(u -> paths.put(u.id(), u.path()));
        List<String> bad = new ArrayList<>();
        for (String id : ids) {
            StageRecord rec = done.stageCommit(id);
            List<Path> damaged = unitShards(out.root(), rec).stream().filter(p -> !UnitRepair.intact(p)).toList();
            if (damaged.isEmpty()) {
                continue;
            }
            List<Path> left = rebuilder == null ? damaged
                    : UnitRepair.repair(out.root(), id, paths.get(id), rec, damaged, rebuilder);
            left.forEach(p -> bad.add(p.toString()));
        }
        return bad;
    }

    /** The shard tars of a committed unit, by name. */
    private static List<Path> unitShards(Path root, StageRecord rec) {
        List<Path> out = new ArrayList<>();
        for (String f : rec.files()) {
            if (f.endsWith(".tar")) {
                out.add(root.resolve(f));
            }
        }
        out.sort(null);
        return out;
    }

    private static void link(Path src, Path target, ShardManifest m) throws IOException {
        Path mf = ShardNames.manifestOf(target);
        if (Files.exists(target) && Files.exists(mf) && Files.isSameFile(src, target)) {
            return; // published by an earlier run
        }
        Path tmp = AtomicFiles.tempSibling(target);
        try {
            Files.createLink(tmp, src);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(src, tmp);
            AtomicFiles.fsync(tmp);
        }
        AtomicFiles.moveAtomically(tmp, target);
        new ShardManifest(target.getFileName().toString(), m.bytes(), m.sha256(), m.payloadBytes(), m.samples())
                .write(mf);
    }

    /** Copies only the kept samples of {@code src} into {@code target} (a key was published before). */
    private static void rewrite(Path src, Path target, List<ShardManifest.Entry> keep) throws IOException {
        Set<String> keys = new HashSet<>();
        keep.forEach(e -> keys.add(e.key()));
        Files.deleteIfExists(target);
        Files.deleteIfExists(ShardNames.manifestOf(target));
        ShardPlacement one = () -> new ShardPlacement.Slot(target, AtomicFiles.tempSibling(target),
                ShardNames.manifestOf(target));
        try (ShardReader r = new ShardReader(src);
                ShardWriter w = new ShardWriter(one, new ShardWriter.Options(Long.MAX_VALUE, Long.MAX_VALUE), null)) {
            for (ShardReader.Group g = r.next(); g != null; g = r.next()) {
                if (keys.contains(g.key())) {
                    Map<String, byte[]> members = new LinkedHashMap<>();
                    for (ShardReader.Member mem : g.members()) {
                        members.put(mem.name().substring(g.key().length() + 1), mem.data());
                    }
                    w.write(new Sample(g.key(), members));
                }
            }
        }
    }

    /** Published shards beyond the new count (from an earlier, larger publish) that tol wrote. */
    private static void removeStale(Path dir, int count) throws IOException {
        for (Map.Entry<Long, Path> e : ShardNames.list(dir).entrySet()) {
            if (e.getKey() >= count && Files.exists(ShardNames.manifestOf(e.getValue()))) {
                Files.delete(ShardNames.manifestOf(e.getValue()));
                Files.delete(e.getValue());
            }
        }
    }
}
