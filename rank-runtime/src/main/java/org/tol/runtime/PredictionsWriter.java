package org.tol.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RankedPart;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.runtime.collect.PartRows;

/**
 * Writes {@code predictions_rank{R}.parquet} (the reference's per-rank output, which its users glob) so that
 * after every run of N ranks these files hold each committed row exactly once, whatever rank counts ran
 * before: rank R writes the verified parts (those {@code tol collect} would use) that lie in the checkpoint
 * directories of ranks R, R+N, R+2N, ... (imported reference rows go to rank 0), and removes the now stale
 * {@code predictions_rank{R+N}}, {@code predictions_rank{R+2N}}, ... of an earlier run with more ranks.
 * {@code tol collect} reads the parts themselves; these files are convenience copies.
 */
final class PredictionsWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionsWriter.class);

    private PredictionsWriter() {}

    static void write(OutLayout out, RunPlan plan, int rank, int world, List<Column> columns) throws IOException {
        List<String> names = columns.stream().map(Column::name).toList();
        DoneState done = DoneState.load(out).withInputs(plan.unitInputKeys());
        try (ParquetRowWriter w = ParquetRowWriter.create(out.predictions(rank), columns)) {
            for (WorkUnit unit : plan.units()) {
                for (RankedPart p : done.contiguousParts(unit.id())) {
                    if (owner(p.rank(), world) == rank) {
                        PartRows.forEach(p.file(), names, w::write);
                    }
                }
            }
            w.commit();
        }
        for (int r : out.ranksPresent()) {
            if (r >= world && owner(r, world) == rank && Files.deleteIfExists(out.predictions(r))) {
                LOG.info("removed {} of an earlier run with more ranks: its rows are now in {}",
                        out.predictions(r).getFileName(), out.predictions(rank).getFileName());
            }
        }
    }

    /** The rank of this run whose predictions file holds the parts in rank {@code dirRank}'s directory. */
    static int owner(int dirRank, int world) {
        return dirRank < 0 ? 0 : dirRank % world;
    }
}
