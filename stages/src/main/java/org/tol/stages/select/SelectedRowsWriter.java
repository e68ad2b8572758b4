package org.tol.stages.select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.io.json.Json;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.sql.DuckDb;

/**
 * {@code tol select --input DATA --extract OUT}: copies the kept rows of DATA, every column and the image cells
 * byte for byte, into images-in-Parquet under OUT, one output file per input file that has kept rows, at the
 * input's relative path (Hive directories included). A single-process stand-in for the multi-rank extraction
 * stage: DuckDB finds each file's kept uuids from its uuid column alone, and only files with kept rows are read
 * in full. Output files are written atomically and an existing one is taken as done, so a rerun resumes;
 * {@code OUT/_extract.json} is written last.
 */
public final class SelectedRowsWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SelectedRowsWriter.class);
    public static final String DONE = "_extract.json";

    /** What was written. */
    public record Result(long inputFiles, long filesWritten, long filesResumed, long rows, Path output) {}

    private SelectedRowsWriter() {}

    public static Result write(DuckDb db, Path keep, List<String> inputs, Path out) throws IOException, SQLException {
        List<InputFile> files = InputFiles.resolve(inputs);
        db.execute("CREATE OR REPLACE TEMP TABLE keep_uuids AS SELECT DISTINCT uuid FROM read_parquet("
                + DuckDb.literal(keep.toAbsolutePath().toString()) + ")");
        Path common = commonDirectory(files);
        long written = 0;
        long resumed = 0;
        long rows = 0;
        org.tol.runtime.status.StageProgress progress = new org.tol.runtime.status.StageProgress("select --extract", files.size(), "files");
        for (InputFile f : files) {
            progress.step(1);
            Set<String> wanted = new HashSet<>();
            for (List<Object> r : db.rows("SELECT uuid FROM read_parquet(" + DuckDb.literal(f.path().toAbsolutePath().toString())
                    + ") WHERE uuid IN (SELECT uuid FROM keep_uuids)")) {
                wanted.add(String.valueOf(r.get(0)));
            }
            if (wanted.isEmpty()) {
                continue;
            }
            Path target = out.resolve(common.relativize(f.path().toAbsolutePath().normalize()).toString());
            if (Files.exists(target)) {
                resumed++;
                rows += wanted.size();
                continue;
            }
            rows += copyRows(f.path(), wanted, target);
            written++;
            LOG.info("extracted {} rows of {} -> {}", wanted.size(), f.path(), target);
        }
        progress.finish();
        Result r = new Result(files.size(), written, resumed, rows, out);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("keep", keep.toAbsolutePath().toString());
        done.put("inputs", inputs);
        done.put("input_files", r.inputFiles());
        done.put("files_written", r.filesWritten() + r.filesResumed());
        done.put("rows", r.rows());
        Json.writeAtomically(out.resolve(DONE), done);
        return r;
    }

    /** Copies the rows of {@code file} whose uuid is wanted, all columns as stored; returns the rows written. */
    private static long copyRows(Path file, Set<String> wanted, Path target) throws IOException {
        List<String> names = new ArrayList<>();
        for (Column c : ParquetFileInfo.read(file).columns()) {
            names.add(c.name());
        }
        try (ParquetRows in = ParquetRows.open(file, names)) {
            List<Column> columns = in.columns();
            try (ParquetRowWriter w = ParquetRowWriter.create(target, columns)) {
                Row row;
                while ((row = in.next()) != null) {
                    if (wanted.contains(row.string("uuid"))) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        for (Column c : columns) {
                            m.put(c.name(), row.value(c.name()));
                        }
                        w.write(m);
                    }
                }
                w.commit();
                return w.rowCount();
            }
        }
    }

    private static Path commonDirectory(List<InputFile> files) {
        Path common = null;
        for (InputFile f : files) {
            Path dir = f.path().toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = dir;
            }
            while (!dir.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }
}
