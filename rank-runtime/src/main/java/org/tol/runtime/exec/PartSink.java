package org.tol.runtime.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tol.api.schema.Column;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.Manifests;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartCheck;
import org.tol.checkpoint.PartNames;
import org.tol.checkpoint.PartRecord;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * Writes one unit's prediction rows as a sequence of part files under {@code checkpoints_rank{R}/}. Each
 * {@link #commit} queues, on the rank's {@link CommitQueue}, the atomic rename of the current part into place
 * followed by its manifest line, so a crash at any moment leaves either a listed, complete part or nothing that
 * counts. The queue runs these steps in order on its own thread, so the inference thread goes on with the next
 * rows (or the next unit) while the disk syncs. The manifest line records the committed file's size and CRC-32C
 * (read back after the rename, so it describes what is on disk) and the identity of the input it came from.
 */
public final class PartSink implements AutoCloseable {
    private final OutLayout out;
    private final int rank;
    private final WorkUnit unit;
    private final List<Column> columns;
    private final CommitQueue commits;
    private final String inputKey;
    private ParquetRowWriter writer;
    private long partFirstRow;
    private long nextRow;

    /** @param inputKey {@link org.tol.checkpoint.FileIdentity#key()} of the unit's input file, or null */
    public PartSink(OutLayout out, int rank, WorkUnit unit, List<Column> columns, long firstRow,
            CommitQueue commits, String inputKey) throws IOException {
        this.inputKey = inputKey;
        this.out = out;
        this.rank = rank;
        this.unit = unit;
        this.columns = columns;
        this.commits = commits;
        this.partFirstRow = firstRow;
        this.nextRow = firstRow;
        Files.createDirectories(out.checkpointDir(rank));
    }

    public void write(Map<String, Object> row) throws IOException {
        if (writer == null) {
            writer = ParquetRowWriter.create(partPath(partFirstRow), columns);
        }
        writer.write(row);
        nextRow++;
    }

    /** Rows written so far, counted from the unit's first row. */
    public long nextRow() {
        return nextRow;
    }

    /**
     * Commits the rows since the last commit as one part; {@code last} marks the unit's final part. An empty
     * non-final part is skipped (nothing to save); an empty final part is still written so the unit has one.
     */
    public void commit(boolean last) throws IOException, InterruptedException {
        if (writer == null) {
            if (!last && nextRow == partFirstRow) {
                return;
            }
            writer = ParquetRowWriter.create(partPath(partFirstRow), columns);
        }
        ParquetRowWriter part = writer; // from here on only the commit thread touches it
        writer = null;
        Path file = partPath(partFirstRow);
        long first = partFirstRow;
        long end = nextRow;
        Path manifest = out.manifest(rank);
        commits.submit(() -> {
            try {
                part.commit();
            } catch (IOException | RuntimeException e) {
                part.abort();
                throw e;
            }
            PartRecord rec = new PartRecord(unit.id(), file.getFileName().toString(), first, end, last,
                    Files.size(file), PartCheck.crc32c(file), inputKey);
            AppendLog.append(manifest, Manifests.line(rec));
        });
        partFirstRow = nextRow;
    }

    private Path partPath(long firstRow) {
        return out.checkpointDir(rank).resolve(PartNames.part(unit.id(), firstRow));
    }

    /** Drops the uncommitted rows (they are redone on resume). */
    @Override
    public void close() {
        if (writer != null) {
            writer.abort();
            writer = null;
        }
    }
}
