package org.tol.runtime.exec;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs a rank's durability steps (close + fsync + rename of a part, then its manifest line, then the unit's
 * processed-log line) on one background thread, strictly in the order they were submitted.
 *
 * <p>Why: each step waits on the disk (an fsync is milliseconds), and done on the inference thread it stalled
 * the whole pipeline at every part and unit boundary: the next unit's reader could not start until the last
 * unit's log lines were durable. A single FIFO thread keeps the exact order "part committed, then manifest
 * line, then processed line" that resuming relies on, so what is durable after a crash is always a prefix of
 * the synchronous sequence. After a step fails, no later step runs (a manifest line must never follow a
 * part that was not committed) and the failure is thrown to the submitter at its next call.
 *
 * <p>At most {@code maxPending} steps wait, which bounds the memory of parts whose rows are not yet closed.
 */
public final class CommitQueue implements AutoCloseable {
    /** One durability step. */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }

    private final ExecutorService thread;
    private final Semaphore pending;
    private volatile Throwable failure;

    public CommitQueue(String threadName, int maxPending) {
        this.pending = new Semaphore(maxPending);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            // Not a daemon: the JVM must not exit while a step is half done, unless halted by a signal.
            t.setDaemon(false);
            return t;
        });
    }

    /** Queues {@code step} after every earlier one; throws an earlier step's failure instead. */
    public void submit(Step step) throws IOException, InterruptedException {
        rethrow();
        pending.acquire();
        thread.execute(() -> {
            try {
                if (failure == null) {
                    step.run();
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                pending.release();
            }
        });
    }

    /** Waits until every queued step has run; throws the first failure. */
    public void drain() throws IOException, InterruptedException {
        try {
            thread.submit(() -> { }).get(); // FIFO: runs after every step queued before it
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // the no-op cannot fail
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(t);
    }

    /** Runs what is queued (unless a step failed), then ends the thread. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
            // a step is waiting on a slow disk; everything queued must finish or the order is lost
        }
    }
}
