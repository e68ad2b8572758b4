package org.tol.runtime.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fast digest tells rows apart exactly where the first one did (FNV-1a over "Class:text" of each value):
 * identical duplicates stay identical and conflicts stay conflicts, whatever the value types.
 */
class RowDigestTest {
    private static final List<String> COLUMNS = List.of("uuid", "status", "score", "label", "extra");

    /** The digest collect used before the fast paths, kept here as the reference. */
    private static long firstDigest(List<String> columns, Map<String, Object> row) {
        long h = 0xcbf29ce484222325L;
        for (String c : columns) {
            Object v = row.get(c);
            byte[] b = v == null ? new byte[] {0} : v instanceof byte[] bytes ? bytes
                    : (v.getClass().getSimpleName() + ":" + (v instanceof Object[] a ? Arrays.deepToString(a)
                            : v.toString())).getBytes(StandardCharsets.UTF_8);
            for (byte x : b) {
                h ^= x & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Test
    void equalExactlyWhereTheFirstDigestWasEqual() {
        Object[] values = {null, "", "ok", "o", "kok", "é", "\u4e2d", 0.0, -0.0, Double.NaN,
            Double.longBitsToDouble(0x7ff8000000000123L), 1.0, 0.1 + 0.2, 0.3, 1L, 1, (short) 1, 1.0f, true, "1",
            "1.0", new byte[] {1, 2}, new byte[] {1, 2}, new byte[] {}, new String[] {"a", "b"},
            new String[] {"a", "b"}, List.of(1L, 2L), List.of(1L, 2L), Long.MAX_VALUE, Integer.MIN_VALUE};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object status : values) {
            for (Object score : values) {
                Map<String, Object> r = new HashMap<>();
                r.put("uuid", "u");
                r.put("status", status);
                r.put("score", score);
                r.put("label", "x");
                rows.add(r); // "extra" absent: read as null, as a missing column is
            }
        }
        // adjacent columns that concatenate alike
        rows.add(row("ab", "c"));
        rows.add(row("a", "bc"));
        rows.add(row("abc", ""));
        rows.add(row("abc", null));
        int pairs = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i; j < rows.size(); j++) {
                boolean before = firstDigest(COLUMNS, rows.get(i)) == firstDigest(COLUMNS, rows.get(j));
                boolean now = RowDigest.of(COLUMNS, rows.get(i)) == RowDigest.of(COLUMNS, rows.get(j));
                assertEquals(before, now, rows.get(i) + " vs " + rows.get(j));
                pairs++;
            }
        }
        assertEquals(rows.size() * (rows.size() + 1) / 2, pairs);
    }

    private static Map<String, Object> row(Object status, Object score) {
        Map<String, Object> r = new HashMap<>();
        r.put("uuid", "u");
        r.put("status", status);
        r.put("score", score);
        return r;
    }
}
