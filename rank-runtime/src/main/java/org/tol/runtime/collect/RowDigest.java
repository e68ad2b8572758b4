package org.tol.runtime.collect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A 64-bit digest of a row's values, to tell an identical duplicate of a uuid from a conflicting one. */
final class RowDigest {
    private RowDigest() {}

    /** FNV-1a over the row's values in column order (byte arrays by content). */
    static long of(List<String> columns, Map<String, Object> row) {
        long h = 0xcbf29ce484222325L;
        for (String c : columns) {
            Object v = row.get(c);
            byte[] b = v == null ? new byte[] {0} : v instanceof byte[] bytes ? bytes
                    : (v.getClass().getSimpleName() + ":" + deepString(v)).getBytes(StandardCharsets.UTF_8);
            for (byte x : b) {
                h ^= x & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String deepString(Object v) {
        return v instanceof Object[] arr ? Arrays.deepToString(arr) : v.toString();
    }
}
