package org.tol.runtime.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.tol.api.filter.ImageFilter;
import org.tol.api.image.DecodeResult;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.InputColumns;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * The reader thread of one unit: streams the unit's rows (one row group in memory at a time, only the image
 * columns), skips rows already committed, and hands chunks of {@link #CHUNK} rows to the preprocessing pool.
 * The futures go into a bounded queue in row order, so memory stays flat and the output order is the input
 * order.
 */
final class RowReader<P> implements Runnable {
    /** Rows per preprocessing task. */
    static final int CHUNK = 4;

    /** Put in the queue after the last row, or with the error that ended reading. */
    record End(Throwable error) {}

    private final WorkUnit unit;
    private final long skipRows;
    private final long endRow;
    private final ImageFilter<P> filter;
    private final ImageDecoder decoder;
    private final ExecutorService pool;
    private final BlockingQueue<Object> queue;
    private final StopFlag stop;
    /**
     * Raw cells read but not yet prepared. Bounded separately from the ordered queue (which may hold a whole
     * batch of prepared inputs) so the reader cannot run far ahead with multi-MB cells: those would outlive
     * young collections and inflate the heap for nothing.
     */
    private final Semaphore rawInFlight;
    private final InputColumns columns;
    /** Recycled arrays for raw cells, when the filter reads raw BGR itself; null otherwise. */
    private final CellBuffers cells;

    /** Reads rows {@code [skipRows, endRow)} of the unit; {@code endRow < 0}: to the unit's end. */
    RowReader(WorkUnit unit, long skipRows, long endRow, ImageFilter<P> filter, ImageDecoder decoder,
            ExecutorService pool, BlockingQueue<Object> queue, StopFlag stop, int prepThreads, InputColumns columns) {
        this.endRow = endRow;
        this.columns = columns;
        this.rawInFlight = new Semaphore(Math.max(2, prepThreads + 1));
        // the reader holds one chunk besides those in flight
        this.cells = filter.preparesBgr() ? new CellBuffers((Math.max(2, prepThreads + 1) + 1) * CHUNK) : null;
        this.unit = unit;
        this.skipRows = skipRows;
        this.filter = filter;
        this.decoder = decoder;
        this.pool = pool;
        this.queue = queue;
        this.stop = stop;
    }

    @Override
    public void run() {
        Throwable error = null;
        List<String> passThrough = filter.passThroughColumns();
        List<String> cols = new ArrayList<>(columns.decodeColumns());
        cols.addAll(passThrough);
        try (ParquetRows rows = unit.wholeFile() ? ParquetRows.open(Path.of(unit.path()), cols)
                : ParquetRows.open(Path.of(unit.path()), cols, unit.firstRowGroup(), unit.endRowGroup())) {
            long index = 0;
            List<RawRow> chunk = new ArrayList<>(CHUNK);
            for (Row row = rows.next(); row != null; row = rows.next(), index++) {
                if (index < skipRows) {
                    continue;
                }
                if (endRow >= 0 && index >= endRow) {
                    break;
                }
                if (stop.stopped() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                chunk.add(rawRow(row, passThroughValues(row, passThrough)));
                if (chunk.size() == CHUNK) {
                    submit(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                submit(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Throwable t) {
            error = t;
        }
        try {
            queue.put(new End(error));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a few rows to the pool as one task: one hand-off per chunk instead of per row. */
    private void submit(List<RawRow> chunk) throws InterruptedException {
        rawInFlight.acquire();
        Future<List<PreparedRow<P>>> f = pool.submit(() -> {
            try {
                List<PreparedRow<P>> out = new ArrayList<>(chunk.size());
                for (RawRow r : chunk) {
                    try {
                        out.add(prepare(r).withPassThrough(r.passThrough()));
                    } finally {
                        if (r.raw() != null) {
                            cells.give(r.cell());
                        }
                    }
                }
                return out;
            } finally {
                rawInFlight.release();
            }
        });
        queue.put(f);
    }

    /** {@code raw}: {width, height} when {@code cell} is a recycled array holding raw BGR for prepareBgr. */
    private record RawRow(String uuid, byte[] cell, long[] original, long[] resized, int[] raw,
            Map<String, Object> passThrough) {}

    /**
     * The row's cell: for a filter that reads raw BGR, a raw cell is copied from the page into a recycled array;
     * everything else is copied out as before and decoded on the pool.
     */
    private RawRow rawRow(Row row, Map<String, Object> passThrough) {
        String uuid = row.string(columns.id());
        long[] original = row.longs(columns.originalSize());
        long[] resized = row.longs(columns.resizedSize());
        if (cells != null) {
            java.nio.ByteBuffer view = row.binaryView(columns.image());
            int[] raw = view == null ? null : decoder.rawDimensions(view.remaining(), original, resized);
            if (raw != null) {
                byte[] cell = cells.take(view.remaining());
                view.get(view.position(), cell, 0, view.remaining());
                return new RawRow(uuid, cell, original, resized, raw, passThrough);
            }
        }
        return new RawRow(uuid, row.binary(columns.image()), original, resized, null, passThrough);
    }

    /** The input values of the filter's pass-through columns (null where the file lacks one). */
    private static Map<String, Object> passThroughValues(Row row, List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> m = new HashMap<>();
        for (String n : names) {
            m.put(n, row.value(n));
        }
        return m;
    }

    private PreparedRow<P> prepare(RawRow row) {
        String uuid = row.uuid();
        byte[] cell = row.cell();
        long[] original = row.original();
        long[] resized = row.resized();
        int[] raw = row.raw();
        if (raw != null) { // the filter reads the stored BGR bytes itself: no RGB copy
            try {
                return new PreparedRow<>(uuid, filter.prepareBgr(cell, 0, raw[0], raw[1]), null, null);
            } catch (Exception e) {
                return new PreparedRow<>(uuid, null, PreparedRow.PREPARE_ERROR, e.toString());
            }
        }
        DecodeResult d;
        try {
            d = decoder.decode(cell, original, resized);
        } catch (RuntimeException e) {
            return new PreparedRow<>(uuid, null, org.tol.api.image.DecodeError.CORRUPT.status(), e.toString());
        }
        if (!d.isOk()) {
            return new PreparedRow<>(uuid, null, d.error().status(), d.message());
        }
        try {
            return new PreparedRow<>(uuid, filter.prepare(d.image()), null, null);
        } catch (Exception e) {
            return new PreparedRow<>(uuid, null, PreparedRow.PREPARE_ERROR, e.toString());
        }
    }
}
