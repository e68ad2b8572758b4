package org.tol.gbif.fetch;

import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code rate} request starts per second per host: each request reserves the next free slot of its
 * host (slots 1/rate apart) and sleeps until then, so bursts are spread evenly, across all worker threads.
 */
public final class HostRateLimiter {
    private final long intervalNanos;
    private final Map<String, Long> nextSlot = new HashMap<>();

    /** {@code rate} ≤ 0 disables the limit. */
    public HostRateLimiter(double rate) {
        this.intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
    }

    /** Blocks until {@code host} may take another request. */
    public void acquire(String host) throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot.getOrDefault(host, now));
            nextSlot.put(host, slot + intervalNanos);
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
