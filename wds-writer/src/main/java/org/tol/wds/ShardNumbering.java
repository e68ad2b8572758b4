package org.tol.wds;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Chooses shard numbers the way bioclip's {@code ShardWriter.choose_next_shard} does: the smallest number in
 * [counter, max(existing)) that is free (filling gaps left by deleted bad shards), else
 * max(counter, max(existing)+1); the counter then moves past the choice. With {@code stride > 1} a rank uses
 * only the numbers {@code offset + k*stride}, so ranks never race for a number and each rank's numbering
 * (hence the build) is reproducible; stride 1 is exactly bioclip's rule.
 */
public final class ShardNumbering {
    private final int stride;
    private final int offset;
    private long counter; // in slots: slot s is shard number offset + s*stride
    // Numbers handed out earlier: their shards are still under temp names, so a directory listing misses them.
    private final TreeSet<Long> reserved = new TreeSet<>();

    public ShardNumbering(int stride, int offset) {
        if (stride < 1 || offset < 0 || offset >= stride) {
            throw new IllegalArgumentException("shard numbering needs stride >= 1 and 0 <= offset < stride");
        }
        this.stride = stride;
        this.offset = offset;
    }

    public static ShardNumbering single() {
        return new ShardNumbering(1, 0);
    }

    /** The next number given the shard numbers now present (of every rank; other ranks' are ignored). */
    public synchronized long next(Collection<Long> existingNumbers) {
        TreeSet<Long> slots = new TreeSet<>(reserved);
        for (long n : existingNumbers) {
            if (n >= offset && (n - offset) % stride == 0) {
                slots.add((n - offset) / stride);
            }
        }
        long chosen;
        if (slots.isEmpty()) {
            chosen = 0; // bioclip restarts at 0 when the directory is empty, whatever the counter says
        } else {
            long max = slots.last();
            chosen = -1;
            for (long s = counter; s < max; s++) {
                if (!slots.contains(s)) {
                    chosen = s;
                    break;
                }
            }
            if (chosen < 0) {
                chosen = Math.max(counter, max + 1);
            }
        }
        counter = chosen + 1;
        reserved.add(chosen);
        return offset + chosen * stride;
    }
}
