package org.tol.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tol.api.schema.Column;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartRecord;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.runtime.collect.PartRows;

/**
 * Writes {@code predictions_rank{R}.parquet} (the reference's per-rank output) from every part listed in the
 * rank's manifest, in manifest order. It is a convenience copy: {@code tol collect} reads the parts themselves,
 * which also covers ranks that never got this far.
 */
final class PredictionsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PredictionsWriter() {}

    static void write(OutLayout out, int rank, List<Column> columns) throws IOException {
        List<String> names = columns.stream().map(Column::name).toList();
        try (ParquetRowWriter w = ParquetRowWriter.create(out.predictions(rank), columns)) {
            for (String line : AppendLog.read(out.manifest(rank))) {
                PartRecord rec = JSON.readValue(line, PartRecord.class);
                Path part = out.checkpointDir(rank).resolve(rec.part());
                if (Files.exists(part)) {
                    PartRows.forEach(part, names, w::write);
                }
            }
            w.commit();
        }
    }
}
