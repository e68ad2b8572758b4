package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DirectBufferPoolTest {
    @Test
    void releasedBuffersComeBackClearedWithTheRequestedLimit() {
        DirectBufferPool pool = new DirectBufferPool(1 << 20);
        ByteBuffer a = pool.allocate(100_000);
        assertTrue(a.isDirect());
        assertEquals(0, a.position());
        assertEquals(100_000, a.limit());
        a.position(500).order(ByteOrder.LITTLE_ENDIAN);
        pool.release(a);
        ByteBuffer b = pool.allocate(90_000);
        assertSame(a, b, "a released buffer that fits is reused");
        assertEquals(0, b.position());
        assertEquals(90_000, b.limit());
        assertEquals(ByteOrder.BIG_ENDIAN, b.order());
    }

    @Test
    void aLargerRequestThanAnyIdleBufferGetsANewOne() {
        DirectBufferPool pool = new DirectBufferPool(64 << 20);
        ByteBuffer small = pool.allocate(10_000);
        pool.release(small);
        ByteBuffer big = pool.allocate(3_000_000);
        assertNotSame(small, big);
        assertTrue(big.capacity() >= 3_000_000);
        assertEquals(3_000_000, big.limit());
        pool.release(big);
        assertSame(small, pool.allocate(9_000), "the smallest fitting idle buffer is taken");
        assertSame(big, pool.allocate(2_900_000));
    }

    @Test
    void idleBytesAreBoundedAndForeignOrDoubleReleasesIgnored() {
        DirectBufferPool pool = new DirectBufferPool(1 << 20);
        ByteBuffer a = pool.allocate(600_000);
        ByteBuffer b = pool.allocate(700_000);
        pool.release(a);
        pool.release(a); // twice: still one idle entry
        assertEquals(a.capacity(), pool.idleBytes());
        pool.release(b); // over the bound: the smallest goes
        assertEquals(b.capacity(), pool.idleBytes());
        pool.release(ByteBuffer.allocate(10)); // heap
        pool.release(ByteBuffer.allocateDirect(4096).asReadOnlyBuffer()); // e.g. a mapped file
        assertEquals(b.capacity(), pool.idleBytes());
        assertThrows(IllegalArgumentException.class, () -> pool.allocate(-1));
    }

    @Test
    void theSharedPoolKeepsAtMostAnEighthOfTheDirectMemoryLimitIdle() {
        long max = DirectBufferPool.maxDirectMemory();
        assertTrue(max > 0);
        ByteBuffer b = DirectBufferPool.SHARED.allocate(1000);
        DirectBufferPool.SHARED.release(b);
        assertTrue(DirectBufferPool.SHARED.idleBytes() <= Math.min(64L << 20, max / 8));
    }

    @Test
    void sizesRoundUpByAtMostAnEighth() {
        assertEquals(4096, DirectBufferPool.roundUp(0));
        assertEquals(4096, DirectBufferPool.roundUp(4096));
        for (int size : new int[] {4097, 100_000, 1_166_400, 1_555_200, 8 << 20, (8 << 20) + 1, 300_000_001}) {
            int r = DirectBufferPool.roundUp(size);
            assertTrue(r >= size && r - size <= size / 8 + 1, size + " -> " + r);
        }
    }
}
