package org.tol.runtime.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spilled duplicate search gives what one in-memory map of every uuid gives, over many partitions. */
class UuidSpillTest {
    @TempDir Path tmp;

    @Test
    void sameAnswerAsOneMapOfEveryUuid() throws Exception {
        Random r = new Random(17);
        int n = 20_000;
        String[] uuid = new String[n];
        long[] digest = new long[n];
        for (int i = 0; i < n; i++) {
            boolean again = i > 0 && r.nextInt(10) == 0; // ~10 % repeat an earlier uuid
            int j = again ? r.nextInt(i) : i;
            uuid[i] = again ? uuid[j] : "uuid-" + i + "-" + r.nextInt(1000);
            digest[i] = again && r.nextBoolean() ? digest[j] : r.nextLong(); // same values half the time
        }
        // The rule collect always had: first row of a uuid kept; later rows identical or conflicting with it.
        Map<String, Long> first = new HashMap<>();
        java.util.Set<Long> dropped = new java.util.HashSet<>();
        List<String> examples = new ArrayList<>();
        long identical = 0;
        long conflicts = 0;
        for (int i = 0; i < n; i++) {
            Long prev = first.putIfAbsent(uuid[i], digest[i]);
            if (prev != null) {
                dropped.add((long) i);
                if (prev == digest[i]) {
                    identical++;
                } else {
                    conflicts++;
                    if (examples.size() < 5) {
                        examples.add(uuid[i]);
                    }
                }
            }
        }
        Path dir = tmp.resolve("spill");
        UuidSpill.Duplicates d;
        // 13 partitions for 20,000 rows: each partition's map holds a slice, rows of one uuid stay together
        try (UuidSpill spill = new UuidSpill(dir, 13 * UuidSpill.ROWS_PER_PARTITION)) {
            assertEquals(13, spill.partitions());
            for (int i = 0; i < n; i++) {
                spill.add(i, uuid[i], digest[i]);
            }
            d = spill.resolve(5);
        }
        assertFalse(Files.exists(dir), "spill files left behind");
        assertEquals(first.size(), d.distinctUuids());
        assertEquals(identical, d.identical());
        assertEquals(conflicts, d.conflicts());
        assertTrue(identical > 100 && conflicts > 100);
        assertEquals(examples, d.examples());
        for (int i = 0; i < n; i++) {
            assertEquals(dropped.contains((long) i), d.dropped().get(i), "row " + i);
        }
    }

    @Test
    void rowNumbersBeyondTwoToTheThirtyOne() throws Exception {
        UuidSpill.LongBits bits = new UuidSpill.LongBits();
        assertTrue(bits.isEmpty());
        bits.set(5_000_000_000L);
        bits.set(3);
        assertTrue(bits.get(5_000_000_000L) && bits.get(3));
        assertFalse(bits.get(5_000_000_000L - (1L << 30)) || bits.get(4) || bits.isEmpty());
    }
}
