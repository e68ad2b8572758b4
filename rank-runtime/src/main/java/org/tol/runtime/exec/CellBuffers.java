package org.tol.runtime.exec;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Reusable byte arrays for raw image cells handed to {@code ImageFilter.prepareBgr}. A 720x540 raw cell is
 * 1.2 MB, above G1's humongous threshold on small heaps, so a fresh copy per row costs a humongous allocation
 * and drives concurrent GC cycles; the cells in flight are bounded by the reader's chunking, so a few arrays
 * recycled between the reader and the preprocessing pool cover them. Thread-safe.
 */
final class CellBuffers {
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final int capacity;

    CellBuffers(int capacity) {
        this.capacity = capacity;
    }

    /** An array of at least {@code length} bytes (not zeroed: the caller overwrites the first {@code length}). */
    synchronized byte[] take(int length) {
        for (Iterator<byte[]> it = free.iterator(); it.hasNext(); ) {
            byte[] b = it.next();
            if (b.length >= length) {
                it.remove();
                return b;
            }
        }
        return new byte[length];
    }

    /** Returns an array for reuse; dropped when enough are kept already. */
    synchronized void give(byte[] b) {
        if (free.size() < capacity) {
            free.push(b);
        }
    }
}
