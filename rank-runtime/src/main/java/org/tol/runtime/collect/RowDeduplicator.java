package org.tol.runtime.collect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the first row per uuid. A later row with the same uuid and the same values (a unit redone after a
 * crash, or a uuid listed twice in the input with the same image) is dropped silently; one with different
 * values is a conflict, counted and reported with examples. Holds one 64-bit digest per uuid in memory
 * (about 100 bytes a row: ~10 GB of heap per 100M rows).
 */
final class RowDeduplicator {
    private final List<String> columns;
    private final int maxExamples;
    private final Map<String, Long> seen = new HashMap<>();
    private long identical;
    private long nullUuids;
    private long conflicts;
    private final List<String> examples = new ArrayList<>();

    RowDeduplicator(List<String> columns, int maxExamples) {
        this.columns = columns;
        this.maxExamples = maxExamples;
    }

    /** True when this uuid was not seen before (the row should be written). Rows without uuid always pass. */
    boolean firstTime(Map<String, Object> row) {
        Object uuid = row.get("uuid");
        if (uuid == null) {
            nullUuids++;
            return true;
        }
        long digest = digest(row);
        Long prev = seen.putIfAbsent(uuid.toString(), digest);
        if (prev == null) {
            return true;
        }
        if (prev == digest) {
            identical++;
        } else {
            conflicts++;
            if (examples.size() < maxExamples) {
                examples.add(uuid.toString());
            }
        }
        return false;
    }

    /** Rows written: one per distinct uuid, plus every row without a uuid (those cannot be deduplicated). */
    long unique() {
        return seen.size() + nullUuids;
    }

    long nullUuids() {
        return nullUuids;
    }

    long identicalDuplicates() {
        return identical;
    }

    long conflicts() {
        return conflicts;
    }

    List<String> conflictExamples() {
        return List.copyOf(examples);
    }

    /** FNV-1a over the row's values in column order (byte arrays by content). */
    private long digest(Map<String, Object> row) {
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
