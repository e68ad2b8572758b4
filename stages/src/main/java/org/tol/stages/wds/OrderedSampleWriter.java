package org.tol.stages.wds;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.tol.api.stage.UnitResult;
import org.tol.wds.Sample;
import org.tol.wds.ShardWriter;

/**
 * Makes samples on a thread pool (decode, resize, JPEG) and writes them to a {@link ShardWriter} in submission
 * order, so the shards do not depend on the thread count. A row that cannot become a sample is a failure
 * record (key, status, error); a key seen before in this writer is one too ({@code duplicate_key}).
 */
final class OrderedSampleWriter {
    private final ShardWriter shards;
    private final SampleFactory factory;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Set<String> keys = new HashSet<>();
    private final List<Map<String, String>> failures = new ArrayList<>();
    private long samples;

    private record Pending(String key, Future<Object> result) {}

    OrderedSampleWriter(ShardWriter shards, SampleFactory factory, ExecutorService pool, int window) {
        this.shards = shards;
        this.factory = factory;
        this.pool = pool;
        this.window = Math.max(1, window);
    }

    void submit(SampleItem item) throws IOException {
        Future<Object> f = pool.submit(() -> {
            try {
                return item.raw() != null ? factory.sample(item.key(), item.raw(), item.taxon(), item.common())
                        : factory.sample(item.key(), item.image().get(), item.taxon(), item.common());
            } catch (SampleFactory.BadRowException e) {
                return e;
            } catch (RuntimeException e) {
                return new SampleFactory.BadRowException("encode_error", e.toString());
            }
        });
        pending.add(new Pending(item.key(), f));
        while (pending.size() >= window) {
            drainOne();
        }
    }

    /** Records a failure in sequence with the samples around it (the record order stays deterministic). */
    void fail(String key, String status, String error) throws IOException {
        pending.add(new Pending(key, java.util.concurrent.CompletableFuture.completedFuture(
                new SampleFactory.BadRowException(status, error))));
        while (pending.size() >= window) {
            drainOne();
        }
    }

    private void drainOne() throws IOException {
        Pending p = pending.poll();
        Object r;
        try {
            r = p.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making samples", e);
        } catch (ExecutionException e) {
            throw new IOException("making sample " + p.key() + " failed", e.getCause());
        }
        if (r instanceof SampleFactory.BadRowException bad) {
            failures.add(UnitResult.failure(p.key(), bad.status(), bad.getMessage()));
            return;
        }
        Sample s = (Sample) r;
        if (!keys.add(s.key())) {
            failures.add(UnitResult.failure(s.key(), "duplicate_key", "key already written by this unit"));
            return;
        }
        shards.write(s);
        samples++;
    }

    void drainAll() throws IOException {
        while (!pending.isEmpty()) {
            drainOne();
        }
    }

    /** Writes what is pending and closes the last shard. */
    void finish() throws IOException {
        drainAll();
        shards.close();
    }

    void abort() throws IOException {
        for (Pending p : pending) {
            p.result().cancel(true);
        }
        pending.clear();
        shards.abort();
    }

    long samples() {
        return samples;
    }

    List<Map<String, String>> failures() {
        return failures;
    }
}
