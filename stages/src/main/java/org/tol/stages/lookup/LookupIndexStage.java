package org.tol.stages.lookup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.schema.Column;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.stage.StagePlans;

/**
 * {@code tol lookup index}: the global uuid → data-file table, one output file per data file
 * ({@code OUT/part-<file id>.parquet}: uuid, path, row_group, row), read from the uuid column only.
 */
public final class LookupIndexStage implements Stage {
    public static final String NAME = "lookup-index";
    static final List<Column> COLUMNS = List.of(Column.string("uuid"), Column.string("path"),
            Column.int32("row_group"), Column.int64("row"));

    private final List<String> inputs;

    public LookupIndexStage(List<String> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    /** One unit per input file: the runtime checks the files' identities between runs. */
    @Override
    public boolean unitsAreInputFiles() {
        return true;
    }

    @Override
    public List<StageUnit> plan() {
        return StagePlans.files(inputs);
    }

    /** The output file of a unit: its id with directory separators made flat. */
    static String outputName(String unitId) {
        return "part-" + unitId.replace('/', '~');
    }

    @Override
    public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
        long rows = 0;
        long nullUuids = 0;
        try (ParquetRows in = ParquetRows.open(Path.of(unit.path()), List.of(ImageColumns.UUID));
                ParquetRowWriter w = ParquetRowWriter.create(out.file(outputName(unit.id())), COLUMNS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", unit.path());
            for (Row r = in.next(); r != null; r = in.next()) {
                String uuid = r.string(ImageColumns.UUID);
                if (uuid == null) {
                    nullUuids++;
                }
                row.put("uuid", uuid);
                row.put("row_group", r.rowGroup());
                row.put("row", r.indexInFile());
                w.write(row);
                if (++rows % 100_000 == 0) {
                    out.progress(rows);
                    if (out.stopRequested()) {
                        throw new InterruptedException("stop requested");
                    }
                }
            }
            w.commit();
        }
        out.progress(rows);
        return new UnitResult(rows, List.of(), nullUuids == 0 ? Map.of() : Map.of("nullUuids", nullUuids));
    }
}
