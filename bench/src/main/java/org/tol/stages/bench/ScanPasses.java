package org.tol.stages.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import org.tol.api.image.DecodeResult;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.sql.DuckDb;

/**
 * The single passes {@link ParquetScanBench} times. Each returns {rows, checksum}: the checksum keeps the
 * JIT from dropping work and lets the caller check that tol and DuckDB saw the same image bytes.
 */
final class ScanPasses {
    private ScanPasses() {}

    /** Plain {@code FileChannel.read} of each file, in order, into {@code buf}: no parsing. */
    static long[] plainRead(List<InputFile> files, ByteBuffer buf) throws IOException {
        long total = 0;
        for (InputFile f : files) {
            try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
                int n;
                while ((n = ch.read(buf)) > 0) {
                    total += n;
                    buf.clear();
                }
            }
        }
        return new long[] {0, total};
    }

    /**
     * DuckDB's work: {@code sum(octet_length(image))} (length of every image cell, nulls skipped), one thread.
     * {rows, summed length}.
     */
    static long[] duckDb(DuckDb db, List<InputFile> files) throws SQLException {
        List<Path> paths = files.stream().map(InputFile::path).toList();
        List<List<Object>> r = db.rows("SELECT count(*), coalesce(sum(octet_length(image)), 0) FROM read_parquet("
                + DuckDb.fileList(paths) + ")");
        return new long[] {((Number) r.get(0).get(0)).longValue(), ((Number) r.get(0).get(1)).longValue()};
    }

    /**
     * tol's read path doing DuckDB's work: every image cell decompressed and visited as a zero-copy view
     * ({@code Row.binaryView}); its length summed and its first and last bytes touched. {rows, summed length}.
     */
    static long[] view(List<InputFile> files) throws IOException {
        long rows = 0;
        long length = 0;
        long touched = 0;
        for (InputFile f : files) {
            try (ParquetRows in = ParquetRows.open(f.path(), List.of(ImageColumns.IMAGE))) {
                for (Row row = in.next(); row != null; row = in.next()) {
                    rows++;
                    ByteBuffer cell = row.binaryView(ImageColumns.IMAGE);
                    if (cell != null) {
                        int n = cell.remaining();
                        length += n;
                        if (n > 0) {
                            touched += cell.get(cell.position()) + cell.get(cell.position() + n - 1);
                        }
                    }
                }
            }
        }
        return new long[] {rows, length + (touched == Long.MIN_VALUE ? 1 : 0)};
    }

    /** The stages' work: every row read with the decode columns and its image decoded. {rows, decoded ok}. */
    static long[] decode(List<InputFile> files, ImageDecoder decoder) throws IOException {
        long rows = 0;
        long ok = 0;
        long checksum = 0;
        for (InputFile f : files) {
            try (ParquetRows in = ParquetRows.open(f.path(), ImageColumns.DECODE_COLUMNS)) {
                for (Row row = in.next(); row != null; row = in.next()) {
                    rows++;
                    DecodeResult r = decoder.decode(row);
                    if (r.isOk()) {
                        ok++;
                        checksum += r.image().pixels()[0];
                    }
                }
            }
        }
        return new long[] {rows, ok + (checksum == Long.MIN_VALUE ? 1 : 0)};
    }
}
