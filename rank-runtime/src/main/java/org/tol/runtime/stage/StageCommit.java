package org.tol.runtime.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.stage.UnitResult;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartCheck;
import org.tol.checkpoint.StageRecord;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.fs.AtomicFiles;
import org.tol.runtime.exec.CommitQueue;
import org.tol.runtime.exec.RankStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one stage unit, in this order: an {@code intent} record naming its files; each staged file
 * fsync'd and renamed to its place under OUT; the directories fsync'd; the {@code commit} record; the
 * processed-log line. A crash before the commit record leaves the unit undone (it is redone, and may replace
 * the files its intent named); a crash after it only skips the redo.
 */
final class StageCommit {
    private static final Logger LOG = LoggerFactory.getLogger(StageCommit.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageCommit() {}

    /**
     * Checks, on the rank's thread, that no target exists that tol did not write (per {@code tolWrote}), and
     * returns the step to queue. {@code inputKey}: the identity of the unit's input file the commit record
     * carries (null when the plan records none). {@code leftovers}: files an earlier commit of this unit wrote
     * that this one does not; removed once the commit record is durable.
     */
    static CommitQueue.Step prepare(OutLayout out, int rank, WorkUnit unit, StagingOutput staged, UnitResult result,
            Predicate<String> tolWrote, RankStats stats, String inputKey, Set<String> leftovers) throws IOException {
        List<String> files = staged.files();
        List<Long> sizes = new ArrayList<>(files.size());
        for (String rel : files) {
            Path src = staged.dir().resolve(rel);
            if (!Files.isRegularFile(src)) {
                throw new IllegalStateException("stage asked for " + rel + " in unit " + unit.id() + " but did not write it");
            }
            sizes.add(Files.size(src));
            Path dst = out.root().resolve(rel);
            if (Files.exists(dst) && !tolWrote.test(rel)) {
                throw new TolException("refusing to overwrite " + dst + ": tol did not write it",
                        "write to an empty --output directory, or move that file away", ExitCodes.FAILURE, null);
            }
        }
        String intent = JSON.writeValueAsString(new StageRecord(unit.id(), StageRecord.INTENT, files, null, null,
                null, null, null, null));
        Path manifest = out.stageManifest(rank);
        Path processed = out.processedLog(rank);
        return () -> {
            AppendLog.append(manifest, intent);
            Set<Path> dirs = new LinkedHashSet<>();
            List<String> crcs = new ArrayList<>(files.size());
            for (String rel : files) {
                Path src = staged.dir().resolve(rel);
                Path dst = out.root().resolve(rel);
                crcs.add(PartCheck.crc32c(src)); // read back from the page cache, for tol verify
                AtomicFiles.fsync(src);
                Path parent = dst.getParent();
                if (!Files.isDirectory(parent)) {
                    Files.createDirectories(parent);
                    // New directories need their own entries made durable, up to OUT.
                    for (Path p = parent; p != null && p.startsWith(out.root()) && !p.equals(out.root()); p = p.getParent()) {
                        dirs.add(p.getParent());
                    }
                }
                Files.move(src, dst, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                dirs.add(parent);
            }
            for (Path d : dirs) {
                AtomicFiles.fsyncDir(d);
            }
            AppendLog.append(manifest, JSON.writeValueAsString(new StageRecord(unit.id(), StageRecord.COMMIT, files,
                    sizes, crcs, result.rows(), result.failures(), result.details(), inputKey)));
            // Only after the commit record: a crash before it leaves the old files, which the redo replaces.
            removeLeftovers(out, unit, leftovers);
            AppendLog.append(processed, unit.logLine());
            stats.unitsDone.incrementAndGet();
            stats.bytesDone.addAndGet(unit.bytes());
            staged.discard();
        };
    }

    private static void removeLeftovers(OutLayout out, WorkUnit unit, Set<String> leftovers) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String rel : leftovers) {
            Path p = out.root().resolve(rel);
            if (Files.deleteIfExists(p)) {
                LOG.info("unit {}: removed {}, written by an earlier commit of the unit and not by its redo", unit.id(), rel);
                dirs.add(p.getParent());
            }
        }
        for (Path d : dirs) {
            AtomicFiles.fsyncDir(d);
        }
    }
}
