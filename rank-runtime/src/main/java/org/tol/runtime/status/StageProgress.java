package org.tol.runtime.status;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a single-process stage ({@code tol sample make}, {@code tol collect}, {@code tol select --extract}):
 * a log line (stderr, silenced by {@code -q}) with done/total, rate and ETA at most every few seconds, and one at the
 * end. Thread-safe.
 */
public final class StageProgress {
    private static final Logger LOG = LoggerFactory.getLogger("tol.progress");

    private final String what;
    private final String unit;
    private final long total;
    private final long periodMillis;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastPrint = System.nanoTime();

    public StageProgress(String what, long total, String unit) {
        this(what, total, unit, 5000);
    }

    StageProgress(String what, long total, String unit, long periodMillis) {
        this.what = what;
        this.total = total;
        this.unit = unit;
        this.periodMillis = periodMillis;
    }

    public void step(long n) {
        long d = done.addAndGet(n);
        long now = System.nanoTime();
        if ((now - lastPrint) / 1_000_000 >= periodMillis) {
            lastPrint = now;
            LOG.info(line(d, now));
        }
    }

    public void finish() {
        LOG.info(line(done.get(), System.nanoTime()));
    }

    String line(long d, long now) {
        double secs = Math.max(1e-3, (now - start) / 1e9);
        double rate = d / secs;
        String eta = total <= 0 || rate <= 0 ? "?" : ProgressView.duration(Math.max(0, total - d) / rate);
        return String.format(Locale.ROOT, "%s: %,d%s %s%s, %.1f %s/s, ETA %s", what, d, total > 0 ? "/" + String.format(Locale.ROOT,
                "%,d", total) : "", unit, total > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * d / total) : "", rate, unit,
                d >= total && total > 0 ? "done" : eta);
    }
}
