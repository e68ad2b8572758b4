package org.tol.stages.wds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.stage.UnitOutput;
import org.tol.checkpoint.StageRecord;
import org.tol.io.fs.AtomicFiles;
import org.tol.wds.ShardChecker;
import org.tol.wds.ShardManifest;
import org.tol.wds.ShardNames;

/**
 * Repairs a committed unit whose shards no longer match their manifests (a disk or copy error after the
 * commit): the unit is rebuilt into a private directory, and each damaged file is replaced by its rebuilt copy
 * once that copy has the size the commit record lists (and the SHA-256 the manifest lists, when it is
 * readable). The build is deterministic, so the copy is the file the unit committed.
 */
public final class UnitRepair {
    private static final Logger LOG = LoggerFactory.getLogger(UnitRepair.class);

    /** Re-creates one unit's files, with their OUT-relative names, under a directory. */
    @FunctionalInterface
    public interface Rebuilder {
        void rebuild(String unitId, String unitPath, Path dir) throws Exception;
    }

    private UnitRepair() {}

    /** True when the shard and its manifest are what the unit committed. */
    static boolean intact(Path shard) {
        try {
            ShardManifest m = ShardManifest.read(ShardNames.manifestOf(shard));
            return Files.size(shard) == m.bytes() && ShardChecker.sha256(shard).equals(m.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    /** Replaces {@code damaged} (shards of the unit) with rebuilt copies; returns the ones it could not fix. */
    static List<Path> repair(Path root, String unitId, String unitPath, StageRecord rec, List<Path> damaged,
            Rebuilder rebuilder) {
        Path tmp = root.resolve(StagedShards.UNITS_DIR).resolve(AtomicFiles.TEMP_PREFIX + "repair-"
                + Long.toHexString(System.nanoTime()));
        List<Path> left = new ArrayList<>();
        try {
            rebuilder.rebuild(unitId, unitPath, tmp);
            for (Path shard : damaged) {
                String rel = root.relativize(shard).toString();
                Path copy = tmp.resolve(rel);
                Path copyManifest = ShardNames.manifestOf(copy);
                int i = rec.files().indexOf(rel);
                boolean sizeOk = Files.exists(copy) && i >= 0 && rec.bytes() != null && rec.bytes().get(i) == Files.size(copy);
                if (!sizeOk || !Files.exists(copyManifest) || !matchesCommittedManifest(shard, copy)) {
                    left.add(shard);
                    continue;
                }
                AtomicFiles.moveAtomically(copy, shard);
                AtomicFiles.moveAtomically(copyManifest, ShardNames.manifestOf(shard));
                LOG.warn("repaired {}: rebuilt unit {} and replaced the damaged shard", shard, unitId);
            }
        } catch (Exception e) {
            LOG.error("could not rebuild unit {}: {}", unitId, e.toString());
            left.addAll(damaged);
        } finally {
            deleteTree(tmp);
        }
        return left;
    }

    private static boolean matchesCommittedManifest(Path shard, Path copy) throws IOException {
        try {
            ShardManifest committed = ShardManifest.read(ShardNames.manifestOf(shard));
            return ShardChecker.sha256(copy).equals(committed.sha256());
        } catch (IOException e) {
            return true; // the committed manifest itself is damaged: the commit record's size is the check left
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    /** A {@link UnitOutput} writing straight into a directory (no staging: the caller moves files itself). */
    public static UnitOutput into(Path dir) {
        return new UnitOutput() {
            @Override
            public Path file(String relativePath) throws IOException {
                Path p = dir.resolve(relativePath).normalize();
                if (!p.startsWith(dir)) {
                    throw new IllegalArgumentException("output file " + relativePath + " leaves " + dir);
                }
                Files.createDirectories(p.getParent());
                return p;
            }

            @Override
            public Path scratch() throws IOException {
                return Files.createDirectories(dir.resolve(".scratch"));
            }

            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public void progress(long rows) {}
        };
    }
}
