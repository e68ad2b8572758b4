package org.tol.io.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * A {@link ByteBufferAllocator} of direct buffers that keeps released ones for the next row group, so a
 * scan allocates its column-chunk and page buffers once instead of per row group and page. Direct buffers
 * because a positional {@code FileChannel} read fills one with the kernel's single copy (a heap buffer goes
 * through a temporary native buffer: two copies), native Snappy decompresses between two of them, and
 * multi-MB pages off the heap are no G1 humongous allocations. parquet-java releases a row group's
 * buffers when its page store is closed ({@code ParquetRows} does so on leaving the row group).
 *
 * <p>{@link #allocate} hands out the pooled buffer itself (limit = the requested size) and keeps no record
 * of it: a buffer never released is simply garbage-collected, and releasing one twice is ignored. Idle
 * buffers are bounded by {@code maxIdleBytes}; beyond that the smallest are dropped to the garbage
 * collector. Thread-safe (one shared pool serves every reader of the process).
 */
final class DirectBufferPool implements ByteBufferAllocator {
    /**
     * The readers' pool: 64 MiB idle covers a few row groups of 720-px images; more is left to the GC. At most
     * an eighth of the JVM's direct-memory limit (which defaults to the heap limit), so that a rank with a
     * small heap keeps its direct memory for the row groups in flight.
     */
    static final DirectBufferPool SHARED = new DirectBufferPool(Math.min(64L << 20, maxDirectMemory() / 8));

    private final long maxIdleBytes;
    private final List<ByteBuffer> idle = new ArrayList<>();
    private long idleBytes;

    DirectBufferPool(long maxIdleBytes) {
        this.maxIdleBytes = maxIdleBytes;
    }

    @Override
    public synchronized ByteBuffer allocate(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative buffer size " + size);
        }
        int best = -1;
        for (int i = 0; i < idle.size(); i++) {
            int cap = idle.get(i).capacity();
            if (cap >= size && (best < 0 || cap < idle.get(best).capacity())) {
                best = i;
            }
        }
        ByteBuffer b;
        if (best >= 0) {
            b = idle.remove(best);
            idleBytes -= b.capacity();
        } else {
            b = allocateDirect(roundUp(size));
        }
        b.clear().limit(size);
        return b.order(ByteOrder.BIG_ENDIAN);
    }

    /** A new direct buffer; when the direct-memory limit is reached, the idle buffers are dropped first. */
    private ByteBuffer allocateDirect(int capacity) {
        try {
            return ByteBuffer.allocateDirect(capacity);
        } catch (OutOfMemoryError e) {
            if (idle.isEmpty()) {
                throw e;
            }
            idle.clear(); // unreachable now: the JDK's retry collects them and frees their memory
            idleBytes = 0;
            return ByteBuffer.allocateDirect(capacity);
        }
    }

    /** {@code -XX:MaxDirectMemorySize}, or the heap limit the JVM uses when it is not set. */
    static long maxDirectMemory() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            long set = Long.parseLong(hotspot.getVMOption("MaxDirectMemorySize").getValue());
            if (set > 0) {
                return set;
            }
        } catch (RuntimeException e) {
            // not HotSpot: fall back to the heap limit, the JDK's own default
        }
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public synchronized void release(ByteBuffer b) {
        if (!b.isDirect() || b.isReadOnly() || b.capacity() == 0) { // not one of ours (e.g. a mapped file)
            return;
        }
        for (ByteBuffer x : idle) {
            if (x == b) {
                return; // released twice
            }
        }
        idle.add(b);
        idleBytes += b.capacity();
        while (idleBytes > maxIdleBytes && !idle.isEmpty()) {
            int smallest = 0;
            for (int i = 1; i < idle.size(); i++) {
                if (idle.get(i).capacity() < idle.get(smallest).capacity()) {
                    smallest = i;
                }
            }
            idleBytes -= idle.remove(smallest).capacity();
        }
    }

    @Override
    public boolean isDirect() {
        return true;
    }

    synchronized long idleBytes() {
        return idleBytes;
    }

    /**
     * Sizes grow in steps of an eighth of their power of two (at most 12.5% unused), so pages of slightly
     * different sizes (images of other shapes) reuse each other's buffers.
     */
    static int roundUp(int size) {
        if (size <= 4096) {
            return 4096;
        }
        int high = Integer.highestOneBit(size - 1);
        int step = Math.max(high >> 3, 1);
        long r = ((long) size + step - 1) / step * step;
        return (int) Math.min(r, Integer.MAX_VALUE - 8);
    }
}
