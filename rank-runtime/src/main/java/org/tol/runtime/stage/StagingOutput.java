package org.tol.runtime.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tol.api.stage.UnitOutput;
import org.tol.runtime.exec.RankStats;
import org.tol.runtime.exec.StopFlag;

/**
 * The {@link UnitOutput} of one unit: files go to {@code checkpoints_rank{R}/staging/<n>/<relative path>},
 * on the same file system as OUT, so committing is a rename per file.
 */
final class StagingOutput implements UnitOutput {
    private final Path dir;
    private final StopFlag stop;
    private final RankStats stats;
    private final Set<String> files = new LinkedHashSet<>();
    private long reported;

    StagingOutput(Path dir, StopFlag stop, RankStats stats) throws IOException {
        this.dir = dir;
        this.stop = stop;
        this.stats = stats;
        StageFiles.deleteTree(dir);
        StageFiles.deleteTree(dir.resolveSibling(dir.getFileName() + ".scratch"));
        Files.createDirectories(dir);
    }

    @Override
    public Path file(String relativePath) throws IOException {
        String rel = StageFiles.checkRelative(relativePath);
        if (!files.add(rel)) {
            throw new IllegalArgumentException("output file " + rel + " requested twice in one unit");
        }
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        return p;
    }

    @Override
    public Path scratch() throws IOException {
        // Outside dir(): the files under dir() are exactly the unit's outputs.
        Path p = dir.resolveSibling(dir.getFileName() + ".scratch");
        Files.createDirectories(p);
        return p;
    }

    @Override
    public boolean stopRequested() {
        return stop.stopped();
    }

    @Override
    public void progress(long rows) {
        stats.rows.addAndGet(rows - reported);
        reported = rows;
    }

    Path dir() {
        return dir;
    }

    /** Deletes the unit's staged files and scratch directory. */
    void discard() throws IOException {
        StageFiles.deleteTree(dir);
        StageFiles.deleteTree(dir.resolveSibling(dir.getFileName() + ".scratch"));
    }

    /** The files the stage asked for, in request order (relative to OUT). */
    List<String> files() {
        return new ArrayList<>(files);
    }

    long rowsReported() {
        return reported;
    }
}
