package org.tol.stages.inspect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.tol.api.image.DecodeResult;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.inspect.InspectReport.BadRow;
import org.tol.stages.inspect.InspectReport.FileReport;

/**
 * Reads every file's footer and decodes every image, reporting bad rows by uuid, file and row index.
 * Files are inspected in parallel; an unreadable file is reported, never fatal.
 */
public final class Inspector {
    private final ImageDecoder decoder;
    private final int threads;

    public Inspector(ImageDecoder decoder, int threads) {
        this.decoder = decoder;
        this.threads = Math.max(1, threads);
    }

    public InspectReport inspect(List<InputFile> files, Consumer<FileReport> onFile) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())));
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (InputFile f : files) {
                futures.add(pool.submit(() -> inspectFile(f)));
            }
            long rows = 0;
            long ok = 0;
            long failedFiles = 0;
            List<BadRow> bad = new ArrayList<>();
            List<FileReport> reports = new ArrayList<>();
            for (Future<FileResult> fut : futures) {
                FileResult r;
                try {
                    r = fut.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("inspect failed unexpectedly", e.getCause());
                }
                reports.add(r.report);
                onFile.accept(r.report);
                rows += r.report.rows();
                ok += r.report.ok();
                bad.addAll(r.bad);
                if (r.report.error() != null) {
                    failedFiles++;
                }
            }
            return new InspectReport(rows, ok, bad.size(), bad, failedFiles, reports);
        } finally {
            pool.shutdownNow();
        }
    }

    private record FileResult(FileReport report, List<BadRow> bad) {}

    private FileResult inspectFile(InputFile f) {
        String path = f.path().toString();
        List<BadRow> bad = new ArrayList<>();
        ParquetFileInfo info;
        try {
            info = ParquetFileInfo.read(f.path());
        } catch (IOException | RuntimeException e) {
            return new FileResult(new FileReport(path, f.sizeBytes(), 0, 0, 0, 0, List.of(), null, List.of(),
                    "not a readable Parquet file: " + e.getMessage()), bad);
        }
        List<String> schema = info.columns().stream().map(Inspector::describe).toList();
        long rows = 0;
        long ok = 0;
        String error = null;
        try (ParquetRows in = ParquetRows.open(f.path(), ImageColumns.DECODE_COLUMNS)) {
            for (Row row = in.next(); row != null; row = in.next()) {
                rows++;
                DecodeResult r = decoder.decode(row);
                if (r.isOk()) {
                    ok++;
                } else {
                    bad.add(new BadRow(row.string(ImageColumns.UUID), path, row.indexInFile(), r.error().status(),
                            r.message()));
                }
            }
        } catch (IOException | RuntimeException e) {
            error = "failed after " + rows + " rows: " + e.getMessage();
        }
        return new FileResult(new FileReport(path, f.sizeBytes(), rows, ok, bad.size(), info.rowGroups().size(),
                info.codecs(), info.createdBy(), schema, error), bad);
    }

    private static String describe(Column c) {
        return c.name() + ": " + ColumnType.describe(c.type());
    }
}
