package org.tol.runtime.exec;

import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.checkpoint.RankLock;
import org.tol.io.json.Json;

/**
 * Every few seconds: one progress line on stderr (units, rows, rows/s, ETA) and an atomic rewrite of
 * {@code OUT/stats/rank{R}.json}, which is what {@code tol status} reads. Also beats the rank lock's heartbeat.
 */
public final class ProgressReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final RankStats stats;
    private final Path statsFile;
    private final RankLock lock;
    private final boolean printLines;
    private final Thread thread;
    private volatile boolean running = true;

    public ProgressReporter(RankStats stats, Path statsFile, RankLock lock, double periodSeconds, boolean printLines) {
        this.stats = stats;
        this.statsFile = statsFile;
        this.lock = lock;
        this.printLines = printLines;
        long periodMillis = Math.max(50, (long) (periodSeconds * 1000));
        this.thread = new Thread(() -> loop(periodMillis), "tol-progress-rank" + stats.rank);
        thread.setDaemon(true);
        writeStats();
        thread.start();
    }

    private void loop(long periodMillis) {
        while (running) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            writeStats();
            lock.heartbeat();
            if (printLines) {
                System.err.println(line());
            }
        }
    }

    public String line() {
        double eta = stats.etaSeconds();
        String units = stats.unitsAssigned < 0 ? String.valueOf(stats.unitsDone.get())
                : stats.unitsDone.get() + "/" + stats.unitsAssigned;
        return String.format(Locale.ROOT, "tol rank %d: units %s (+%d skipped, %d failed), rows %d (%d failed), "
                        + "%.1f rows/s, ETA %s", stats.rank, units,
                stats.unitsSkipped.get(), stats.unitsFailed.get(), stats.rows.get(), stats.rowsFailed.get(),
                stats.rowsPerSecond(), eta < 0 ? "?" : formatDuration(eta));
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    public synchronized void writeStats() {
        try {
            Json.writeAtomically(statsFile, stats.toJson());
        } catch (Exception e) {
            LOG.warn("cannot write {}: {}", statsFile, e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        writeStats();
    }
}
