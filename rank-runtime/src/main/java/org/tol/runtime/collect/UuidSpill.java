package org.tol.runtime.collect;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the duplicate uuids of a collect with bounded memory. Each row's (row number, uuid, digest) goes to one
 * of P files chosen by uuid hash; {@link #resolve} then reads one file at a time, so the heap holds the uuids of
 * one partition (~{@value #ROWS_PER_PARTITION} rows, ~50 MB) instead of all of them (~100 bytes a row: 20 GB
 * at 2x10^8 rows). The disk holds ~(20 + uuid length) bytes a row until {@link #close}.
 *
 * <p>Same rules as keeping a map of every uuid: the first row of a uuid (lowest row number) is kept; a later
 * row with the same digest is an identical duplicate, one with another digest a conflict; the examples are the
 * uuids of the first conflicts in row order.
 */
final class UuidSpill implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UuidSpill.class);
    static final long ROWS_PER_PARTITION = 500_000;
    private static final int MAX_PARTITIONS = 2048;

    /** The rows to drop (by row number) and the counts for the summary. */
    record Duplicates(LongBits dropped, long distinctUuids, long identical, long conflicts, List<String> examples) {}

    private final Path dir;
    private final DataOutputStream[] outs;
    private long spilledBytes;

    /** {@code expectedRows} sizes the partitions; a wrong guess costs memory or files, never correctness. */
    UuidSpill(Path dir, long expectedRows) throws IOException {
        this.dir = Files.createDirectories(dir);
        long p = (expectedRows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
        this.outs = new DataOutputStream[(int) Math.max(1, Math.min(MAX_PARTITIONS, p))];
    }

    int partitions() {
        return outs.length;
    }

    void add(long row, String uuid, long digest) throws IOException {
        int i = Math.floorMod(uuid.hashCode() * 0x9E3779B9, outs.length);
        DataOutputStream o = outs[i];
        if (o == null) {
            o = outs[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(i)), 1 << 15));
        }
        byte[] b = uuid.getBytes(StandardCharsets.UTF_8);
        o.writeLong(row);
        o.writeLong(digest);
        o.writeInt(b.length);
        o.write(b);
        spilledBytes += 20 + b.length;
    }

    /** Bytes written to the partition files so far. */
    long spilledBytes() {
        return spilledBytes;
    }

    /** Reads back every partition (rows were appended in row order, so the first seen is the first kept). */
    Duplicates resolve(int maxExamples) throws IOException {
        closeWriters();
        LongBits dropped = new LongBits();
        long distinct = 0;
        long identical = 0;
        long conflicts = 0;
        TreeMap<Long, String> examples = new TreeMap<>();
        for (int i = 0; i < outs.length; i++) {
            if (!Files.exists(file(i))) {
                continue;
            }
            // A record is 20 bytes + the uuid (36 for the usual text form): presized, the table never rehashes.
            long bytes = Files.size(file(i));
            UuidTable first = new UuidTable((int) Math.min(1 << 28, bytes / 56 + 16), 36);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(i)), 1 << 16))) {
                byte[] buf = new byte[64];
                while (true) {
                    long row;
                    try {
                        row = in.readLong();
                    } catch (EOFException end) {
                        break;
                    }
                    long digest = in.readLong();
                    int len = in.readInt();
                    if (len > buf.length) {
                        buf = new byte[Math.max(len, 2 * buf.length)];
                    }
                    in.readFully(buf, 0, len);
                    int prev = first.putIfAbsent(buf, len, digest);
                    if (prev < 0) {
                        continue;
                    }
                    dropped.set(row);
                    if (first.digest(prev) == digest) {
                        identical++;
                    } else {
                        conflicts++;
                        examples.put(row, new String(buf, 0, len, StandardCharsets.UTF_8));
                        if (examples.size() > maxExamples) {
                            examples.pollLastEntry();
                        }
                    }
                }
            }
            distinct += first.size();
            Files.delete(file(i));
        }
        LOG.info("duplicate search: {} uuids, {} distinct, {} MB spilled in {} partitions", identical + conflicts + distinct,
                distinct, spilledBytes >> 20, outs.length);
        return new Duplicates(dropped, distinct, identical, conflicts, new ArrayList<>(examples.values()));
    }

    private Path file(int i) {
        return dir.resolve("uuids-" + i + ".bin");
    }

    private void closeWriters() throws IOException {
        for (int i = 0; i < outs.length; i++) {
            if (outs[i] != null) {
                outs[i].close();
                outs[i] = null;
            }
        }
    }

    /** Removes the spill files and their folder. */
    @Override
    public void close() throws IOException {
        try {
            closeWriters();
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** A set of row numbers (any long): one BitSet per 2^30 rows, made when first needed. */
    static final class LongBits {
        private final Map<Long, BitSet> chunks = new HashMap<>();

        void set(long i) {
            chunks.computeIfAbsent(i >>> 30, k -> new BitSet()).set((int) (i & ((1 << 30) - 1)));
        }

        boolean get(long i) {
            BitSet b = chunks.get(i >>> 30);
            return b != null && b.get((int) (i & ((1 << 30) - 1)));
        }

        boolean isEmpty() {
            return chunks.values().stream().allMatch(BitSet::isEmpty);
        }
    }
}
