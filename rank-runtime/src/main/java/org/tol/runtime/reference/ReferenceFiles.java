package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.checkpoint.OutLayout;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.parquet.ParquetFileInfo;

/**
 * Finds the files a run of the reference pipeline (TreeOfLife-toolbox {@code run_*_distributed.py}) left in
 * OUT and moves them, unchanged, to {@link OutLayout#referenceAside()} (same relative paths), so tol never
 * overwrites or appends to a file it did not write:
 * <ul>
 *   <li>{@code checkpoints_rank{R}/checkpoint_{batch:06d}.parquet}: tol never writes this name;</li>
 *   <li>{@code predictions_rank{R}.parquet} without tol's {@code status} column;</li>
 *   <li>{@code logs/processed_files_rank{R}.log}, when OUT holds reference data files or no part of tol's
 *       (tol's own processed logs are written only after its first part).</li>
 * </ul>
 */
final class ReferenceFiles {
    static final Pattern CHECKPOINT = Pattern.compile("checkpoint_(\\d+)\\.parquet");
    private static final Pattern CHECKPOINT_DIR = Pattern.compile("checkpoints_rank(\\d+)");
    private static final Pattern PREDICTIONS = Pattern.compile("predictions_rank(\\d+)\\.parquet");
    private static final Pattern PROCESSED = Pattern.compile("processed_files_rank(\\d+)\\.log");

    private ReferenceFiles() {}

    /** Moves the reference's files aside; returns how many were moved (0 when OUT holds none). */
    static int moveAside(OutLayout out) throws IOException {
        List<Path> data = new ArrayList<>();
        boolean tolParts = false;
        for (Path dir : list(out.root())) {
            Matcher m = CHECKPOINT_DIR.matcher(dir.getFileName().toString());
            if (Files.isDirectory(dir) && m.matches()) {
                for (Path f : list(dir)) {
                    if (CHECKPOINT.matcher(f.getFileName().toString()).matches()) {
                        data.add(f);
                    }
                }
                tolParts |= Files.exists(dir.resolve(OutLayout.MANIFEST));
            } else if (PREDICTIONS.matcher(dir.getFileName().toString()).matches() && !writtenByTol(dir)) {
                data.add(dir);
            }
        }
        List<Path> move = new ArrayList<>(data);
        if (!data.isEmpty() || !tolParts) {
            for (Path f : list(out.logsDir())) {
                if (PROCESSED.matcher(f.getFileName().toString()).matches()) {
                    move.add(f);
                }
            }
        }
        for (Path f : move) {
            Path target = out.referenceAside().resolve(out.root().relativize(f));
            if (Files.exists(target)) {
                throw new TolException("cannot move the reference run's " + f + " aside: " + target + " exists",
                        "compare the two files and remove the one that is not needed; tol overwrites neither",
                        ExitCodes.FAILURE, null);
            }
            Files.createDirectories(target.getParent());
            AtomicFiles.moveAtomically(f, target);
        }
        return move.size();
    }

    /** tol's per-rank predictions always have a {@code status} column; the reference's never. */
    private static boolean writtenByTol(Path predictions) {
        try {
            return ParquetFileInfo.read(predictions).columns().stream().anyMatch(c -> c.name().equals("status"));
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: not tol's (tol writes it atomically); keep it aside, never overwrite it
        }
    }

    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** The rank number in a reference file or directory name, or -1. */
    static int rankOf(Path p) {
        for (Pattern pat : List.of(CHECKPOINT_DIR, PREDICTIONS, PROCESSED)) {
            Matcher m = pat.matcher(p.getFileName().toString());
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }
}
