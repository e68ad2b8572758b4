package org.tol.gbif;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A progress line on stderr every few seconds: done/total, the caller's details, rate and ETA. */
public final class Progress implements AutoCloseable {
    private final String what;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final long start = System.nanoTime();
    private final Supplier<String> details;
    private final Thread thread;
    private volatile boolean running = true;

    public Progress(String what, long total, double periodSeconds, Supplier<String> details) {
        this.what = what;
        this.total = total;
        this.details = details;
        long ms = Math.max(50, (long) (periodSeconds * 1000));
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println(line());
            }
        }, "tol-progress-" + what);
        thread.setDaemon(true);
        if (periodSeconds > 0) {
            thread.start();
        }
    }

    public void step() {
        done.incrementAndGet();
    }

    public long done() {
        return done.get();
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    public String line() {
        long d = done.get();
        double s = seconds();
        double rate = s > 0 ? d / s : 0;
        String eta = rate > 0 ? duration((total - d) / rate) : "?";
        return String.format(Locale.ROOT, "tol %s: %d/%d (%s), %.1f/s, ETA %s", what, d, total, details.get(), rate, eta);
    }

    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
