package org.tol.stages.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.checkpoint.FileIdentity;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * {@code tol extract}: one unit per lookup batch ({@code group_id=<k>}). Reads only the batch's data files and
 * only uuid, original_size, resized_size and image; keeps rows whose uuid is in the batch; attaches the lookup
 * columns; keeps the first row of a uuid (data files in path order, rows in file order) where the reference
 * kept an arbitrary one; writes files of about the target size to {@code OUT/group_id=<k>/}. Columns: the
 * four image columns, then the lookup batch's columns except uuid (as the reference's join gives them).
 */
public final class ExtractStage implements Stage {
    public static final String NAME = "extract";
    static final List<String> IMAGE_COLUMNS = List.of(ImageColumns.UUID, ImageColumns.ORIGINAL_SIZE,
            ImageColumns.RESIZED_SIZE, ImageColumns.IMAGE);

    private final Path lookup;
    private final long targetBytes;
    private final Map<String, String> identities = new java.util.concurrent.ConcurrentHashMap<>();

    public ExtractStage(Path lookup, long targetBytes) {
        this.lookup = lookup.toAbsolutePath().normalize();
        this.targetBytes = targetBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> fingerprint() {
        return Map.of("lookup", lookup.toString(), "targetFileSize", String.valueOf(targetBytes));
    }

    @Override
    public List<String> inputs() {
        return List.of(lookup.toString());
    }

    /** One unit per batch; its size (for largest-first scheduling) is that of the data files it reads. */
    @Override
    public List<StageUnit> plan() throws IOException {
        List<StageUnit> units = new ArrayList<>();
        for (Path dir : BatchFiles.batches(lookup)) {
            LookupBatch b = LookupBatch.read(dir);
            long bytes = 0;
            for (String p : b.paths) {
                Path f = Path.of(p);
                bytes += Files.isRegularFile(f) ? Files.size(f) : 0;
            }
            units.add(new StageUnit(dir.getFileName().toString(), dir.toString(), Math.max(1, bytes)));
        }
        return units;
    }

    /**
     * The identities of the batch's data files, one line each ({@code <size>:<footer crc> <path>}): recorded in
     * the commit record, so a batch committed before one of its data files was rewritten is redone.
     */
    @Override
    public String unitInputKey(StageUnit unit) throws IOException {
        StringBuilder key = new StringBuilder();
        for (String p : LookupBatch.paths(Path.of(unit.path()))) {
            Path f = Path.of(p);
            String id = identities.get(p);
            if (id == null) {
                id = Files.isRegularFile(f) ? FileIdentity.of(f).key() : "missing";
                identities.put(p, id); // a data file is named by many batches: read its footer once per start
            }
            key.append(key.length() == 0 ? "" : "\n").append(id).append(' ').append(p);
        }
        return key.toString();
    }

    @Override
    public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
        LookupBatch batch = LookupBatch.read(Path.of(unit.path()));
        List<Column> columns = null;
        Set<String> emitted = new HashSet<>();
        long duplicates = 0;
        RollingParts writer = null;
        try {
            for (String path : batch.paths) {
                try (ParquetRows rows = ParquetRows.open(Path.of(path), IMAGE_COLUMNS)) {
                    if (columns == null) {
                        columns = outputColumns(rows.columns(), batch.columns);
                        writer = new RollingParts(out, unit.id(), "", columns, targetBytes, 0);
                    }
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        String uuid = r.string(ImageColumns.UUID);
                        Map<String, Object> look = uuid == null ? null : batch.rowFor(uuid, path);
                        if (look == null) {
                            continue;
                        }
                        if (!emitted.add(uuid)) {
                            duplicates++;
                            continue;
                        }
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put(ImageColumns.UUID, uuid);
                        row.put(ImageColumns.ORIGINAL_SIZE, r.value(ImageColumns.ORIGINAL_SIZE));
                        row.put(ImageColumns.RESIZED_SIZE, r.value(ImageColumns.RESIZED_SIZE));
                        row.put(ImageColumns.IMAGE, r.binary(ImageColumns.IMAGE));
                        for (Column c : batch.columns) {
                            if (!c.name().equals(ImageColumns.UUID)) {
                                row.put(c.name(), look.get(c.name()));
                            }
                        }
                        writer.write(row);
                        if (writer.rowsWritten() % 1000 == 0) {
                            out.progress(writer.rowsWritten());
                            if (out.stopRequested()) {
                                throw new InterruptedException("stop requested");
                            }
                        }
                    }
                }
            }
            long written = 0;
            if (writer != null) {
                writer.finish();
                written = writer.rowsWritten();
            }
            out.progress(written);
            List<Map<String, String>> failures = new ArrayList<>();
            for (String uuid : new java.util.TreeSet<>(batch.byUuid.keySet())) {
                if (!emitted.contains(uuid)) {
                    failures.add(UnitResult.failure(uuid, "not_found", "uuid not in any of the batch's data files"));
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lookupRows", batch.rows);
            details.put("dataFiles", batch.paths.size());
            details.put("duplicateUuidsDropped", duplicates);
            details.put("notFound", failures.size());
            return new UnitResult(written, failures, details);
        } finally {
            if (writer != null) {
                writer.close(); // aborts an unfinished file; the unit is redone
            }
        }
    }

    /** The image columns with the data file's types (defaults where a file lacks one), then the lookup's. */
    static List<Column> outputColumns(List<Column> dataColumns, List<Column> lookupColumns) {
        Map<String, Column> data = new LinkedHashMap<>();
        for (Column c : dataColumns) {
            data.put(c.name(), c);
        }
        List<Column> out = new ArrayList<>();
        out.add(Column.string(ImageColumns.UUID));
        ColumnType size = ColumnType.listOf(ColumnType.Primitive.INT64);
        out.add(data.getOrDefault(ImageColumns.ORIGINAL_SIZE, new Column(ImageColumns.ORIGINAL_SIZE, size)));
        out.add(data.getOrDefault(ImageColumns.RESIZED_SIZE, new Column(ImageColumns.RESIZED_SIZE, size)));
        out.add(Column.binary(ImageColumns.IMAGE));
        for (Column c : lookupColumns) {
            if (!c.name().equals(ImageColumns.UUID)) {
                out.add(c);
            }
        }
        return out;
    }
}
