package org.tol.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The import's default thread count comes from DuckDB's display of its memory limit. */
class ImportDbTest {
    @Test
    void readsDuckDbsDisplayOfASize() {
        assertEquals((long) (953.6 * (1 << 20)), ImportDb.bytes("953.6 MiB")); // SET memory_limit = '1GB'
        assertEquals(2L << 30, ImportDb.bytes("2.0 GiB"));
        assertEquals(512, ImportDb.bytes("512 bytes"));
        assertEquals(0, ImportDb.bytes("unlimited"));
        assertEquals(0, ImportDb.bytes(null));
    }
}
