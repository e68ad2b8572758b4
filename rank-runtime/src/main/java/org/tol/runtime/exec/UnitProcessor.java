package org.tol.runtime.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.schema.Column;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.InputColumns;

/**
 * Runs one unit through reader thread, preprocessing pool, batches and the filter's {@code infer} (on the
 * calling thread, the rank's one inference thread), writing rows in input order into a {@link PartSink} and
 * committing a part every {@code checkpointEvery} batches.
 */
public final class UnitProcessor<P> {
    public enum Outcome { DONE, INTERRUPTED, FAILED }

    public record Result(Outcome outcome, long rows, long failedRows, String error) {}

    private final ImageFilter<P> filter;
    private final List<Column> filterColumns;
    private final List<String> uuidColumns;
    private final ImageDecoder decoder;
    private final ExecutorService pool;
    private final int batchSize;
    private final int checkpointEvery;
    private final int queueCapacity;
    private final int prepThreads;
    private final StopFlag stop;
    private final RankStats stats;

    private final InputColumns columns;

    public UnitProcessor(ImageFilter<P> filter, ImageDecoder decoder, ExecutorService pool, int batchSize,
            int checkpointEvery, int prepThreads, StopFlag stop, RankStats stats, InputColumns columns) {
        this.columns = columns;
        this.filter = filter;
        this.filterColumns = filter.outputColumns();
        this.uuidColumns = filter.uuidColumns();
        this.decoder = decoder;
        this.pool = pool;
        this.batchSize = batchSize;
        this.checkpointEvery = checkpointEvery;
        // Enough rows in flight to prepare the next batch while this one runs inference, and no more: each
        // queued row holds an image (raw cell or prepared input), so this bounds the rank's working set.
        this.queueCapacity = (batchSize + 2 * prepThreads) / RowReader.CHUNK + 1;
        this.prepThreads = prepThreads;
        this.stop = stop;
        this.stats = stats;
    }

    public Result process(WorkUnit unit, long resumeRow, PartSink sink) throws Exception {
        return process(unit, resumeRow, -1, sink);
    }

    /**
     * Processes rows {@code [resumeRow, endRow)} of the unit ({@code endRow < 0}: to its end, and the last part is
     * marked as the unit's last). A bounded range fills a gap before rows that are already committed.
     */
    public Result process(WorkUnit unit, long resumeRow, long endRow, PartSink sink) throws Exception {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(queueCapacity);
        Thread reader = new Thread(new RowReader<>(unit, resumeRow, endRow, filter, decoder, pool, queue, stop,
                prepThreads, columns),
                "tol-reader-rank" + stats.rank);
        reader.setDaemon(true);
        reader.start();
        long rows = 0;
        long failed = 0;
        int batches = 0;
        List<PreparedRow<P>> batch = new ArrayList<>(batchSize);
        try {
            while (true) {
                if (stop.stopped()) {
                    sink.commit(false);
                    return new Result(Outcome.INTERRUPTED, rows, failed, stop.reason());
                }
                // Poll, not take: the reader stops without an end marker when the stop flag is set.
                Object item = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (item == null) {
                    continue;
                }
                if (item instanceof RowReader.End end) {
                    if (end.error() != null) {
                        sink.close(); // rows of this part are not committed: the unit is redone from its last part
                        return new Result(Outcome.FAILED, rows, failed, describe(end.error()));
                    }
                    if (!batch.isEmpty()) {
                        failed += writeBatch(batch, sink);
                        rows += batch.size();
                    }
                    sink.commit(endRow < 0);
                    return new Result(Outcome.DONE, rows, failed, null);
                }
                @SuppressWarnings("unchecked")
                Future<List<PreparedRow<P>>> f = (Future<List<PreparedRow<P>>>) item;
                for (PreparedRow<P> prepared : f.get()) {
                    batch.add(prepared);
                    if (batch.size() == batchSize) {
                        failed += writeBatch(batch, sink);
                        rows += batch.size();
                        batch.clear();
                        if (++batches % checkpointEvery == 0) {
                            sink.commit(false);
                        }
                    }
                }
            }
        } finally {
            reader.interrupt();
            // Drop rows still queued for preprocessing: they belong to an uncommitted part.
            for (Object o : queue) {
                if (o instanceof Future<?> f) {
                    f.cancel(true);
                }
            }
        }
    }

    /** Runs inference on the batch's prepared rows and writes all rows in order; returns the failed-row count. */
    private long writeBatch(List<PreparedRow<P>> batch, PartSink sink) throws Exception {
        List<P> inputs = new ArrayList<>(batch.size());
        for (PreparedRow<P> r : batch) {
            if (r.ok()) {
                inputs.add(r.prepared());
            }
        }
        List<RowResult> results = null;
        String inferError = null;
        if (!inputs.isEmpty()) {
            try {
                results = filter.infer(inputs);
                if (results.size() != inputs.size()) {
                    throw new IllegalStateException("filter " + filter.name() + " returned " + results.size()
                            + " results for " + inputs.size() + " images");
                }
            } catch (Exception e) {
                inferError = e.toString();
            }
        }
        long failed = 0;
        int next = 0;
        for (PreparedRow<P> r : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("uuid", r.uuid());
            for (String c : uuidColumns) {
                row.put(c, r.uuid());
            }
            row.putAll(r.passThrough());
            if (!r.ok()) {
                row.put("status", r.failStatus());
                row.put("error", r.failMessage());
            } else if (inferError != null) {
                row.put("status", PreparedRow.INFERENCE_ERROR);
                row.put("error", inferError);
                next++;
            } else {
                RowResult res = results.get(next++);
                row.put("status", res.status());
                row.put("error", res.error());
                for (Column c : filterColumns) {
                    if (!uuidColumns.contains(c.name()) && !r.passThrough().containsKey(c.name())) {
                        row.put(c.name(), res.values().get(c.name()));
                    }
                }
            }
            if (!RowResult.OK.equals(row.get("status"))) {
                failed++;
            }
            sink.write(row);
        }
        stats.rows.addAndGet(batch.size());
        stats.rowsFailed.addAndGet(failed);
        return failed;
    }

    private static String describe(Throwable t) {
        Throwable root = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.replace('\n', ' ').replace('\t', ' '));
    }
}
