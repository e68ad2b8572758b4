package org.tol.gbif;

import java.nio.charset.StandardCharsets;

/** Category keys and seeded per-row ranks shared by fetch, split and webdataset. */
public final class Keys {
    private Keys() {}

    /**
     * A key as text, with pandas' float spelling of integer keys undone ("1234.0" → "1234": a key column with
     * a missing value is float64 in pandas, so the reference's CSVs may hold either spelling).
     */
    public static String norm(String key) {
        if (key == null) {
            return null;
        }
        String k = key.trim();
        int dot = k.indexOf('.');
        if (dot > 0 && k.substring(dot + 1).chars().allMatch(c -> c == '0')
                && k.substring(0, dot).chars().allMatch(c -> Character.isDigit(c) || c == '-')) {
            return k.substring(0, dot);
        }
        return k.isEmpty() ? null : k;
    }

    /**
     * A deterministic pseudo-random rank of {@code text} for {@code seed}: FNV-1a 64 of the UTF-8 bytes, xor
     * the seed times the golden ratio, through the SplitMix64 finaliser. Sampling "the N rows of smallest
     * rank" is then independent of row order, thread count and sharding.
     */
    public static long rank(long seed, String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        long z = h ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
