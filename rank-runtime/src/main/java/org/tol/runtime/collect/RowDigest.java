package org.tol.runtime.collect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A 64-bit digest of a row's values, to tell an identical duplicate of a uuid from a conflicting one. Two rows
 * digest alike when every value has the same class and the same text ({@code toString}, arrays deeply; byte
 * arrays by content). Digests only meet other digests of the same collect, so the function itself is free.
 */
final class RowDigest {
    private static final long PRIME = 0x100000001b3L;

    private RowDigest() {}

    /** FNV-1a over the row's values in column order. */
    static long of(List<String> columns, Map<String, Object> row) {
        long h = 0xcbf29ce484222325L;
        for (String c : columns) {
            h = value(h, row.get(c));
            h = (h ^ 0xff) * PRIME;
        }
        return h;
    }

    /*
     * The common prediction values (strings, doubles, longs) are hashed straight from the value: building
     * "Class:text" bytes for every value was a fifth of collect's CPU. Each fast path starts with its own tag
     * byte, and maps equal texts to equal input (Double.toString and doubleToLongBits agree on which doubles are
     * equal: all NaNs alike, -0.0 apart from 0.0), so what is equal or not stays what it was.
     */
    private static long value(long h, Object v) {
        if (v == null) {
            return (h ^ 0) * PRIME;
        } else if (v instanceof String s) {
            h = (h ^ 1) * PRIME;
            for (int i = 0, n = s.length(); i < n; i++) {
                char ch = s.charAt(i);
                h = (h ^ (ch & 0xff)) * PRIME;
                h = (h ^ (ch >>> 8)) * PRIME;
            }
            return (h ^ 0xfe) * PRIME; // end of string: "ab"+"c" differs from "a"+"bc" in adjacent columns
        } else if (v instanceof Double d) {
            return mixLong((h ^ 2) * PRIME, Double.doubleToLongBits(d));
        } else if (v instanceof Long l) {
            return mixLong((h ^ 3) * PRIME, l);
        } else if (v instanceof Integer i) {
            return mixLong((h ^ 4) * PRIME, i);
        }
        h = (h ^ 5) * PRIME;
        byte[] b = v instanceof byte[] bytes ? bytes
                : (v.getClass().getSimpleName() + ":" + deepString(v)).getBytes(StandardCharsets.UTF_8);
        h = mixLong(h, b.length);
        for (byte x : b) {
            h = (h ^ (x & 0xff)) * PRIME;
        }
        return h;
    }

    private static long mixLong(long h, long x) {
        for (int i = 0; i < 8; i++, x >>>= 8) {
            h = (h ^ (x & 0xff)) * PRIME;
        }
        return h;
    }

    private static String deepString(Object v) {
        return v instanceof Object[] arr ? Arrays.deepToString(arr) : v.toString();
    }
}
