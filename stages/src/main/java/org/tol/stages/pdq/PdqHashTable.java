package org.tol.stages.pdq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * A column-wise set of (uuid, hash, quality) loaded from PDQ outputs: ours ({@code hash_pdq}, {@code
 * pdq_hex}, {@code pdq_quality}, {@code status}) or the reference's ({@code uuid, hash_pdq} only; quality
 * then reads as unknown, -1). Hashes are kept as a flat long[4n] so the index can use them in place.
 * Rows whose status is not ok or whose hash is null are skipped and counted.
 */
public final class PdqHashTable {
    public static final int UNKNOWN_QUALITY = -1;
    private static final Logger LOG = LoggerFactory.getLogger(PdqHashTable.class);

    private String[] uuids = new String[1024];
    private long[] hashes = new long[4 * 1024];
    private int[] quality = new int[1024];
    private int size;
    private long skipped;

    public void add(String uuid, PdqHash h, int q) {
        if (size == uuids.length) {
            int cap = size * 2;
            uuids = Arrays.copyOf(uuids, cap);
            hashes = Arrays.copyOf(hashes, 4 * cap);
            quality = Arrays.copyOf(quality, cap);
        }
        uuids[size] = uuid;
        for (int i = 0; i < 4; i++) {
            hashes[4 * size + i] = h.longAt(i);
        }
        quality[size] = q;
        size++;
    }

    /** Loads every Parquet file of the inputs that has a PDQ hash column; other files are ignored. */
    public static PdqHashTable load(List<String> inputs, String what) throws IOException {
        List<Path> files = hashFiles(inputs, what);
        PdqHashTable t = loadFiles(files);
        LOG.info("{}: {} hashes from {} files ({} rows without a hash skipped)", what, t.size, files.size(), t.skipped);
        return t;
    }

    /** The Parquet files of the inputs that hold PDQ hashes (footers only); fails when there are none. */
    public static List<Path> hashFiles(List<String> inputs, String what) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : PdqHashInputs.resolve(inputs)) {
            List<String> names = ParquetFileInfo.read(f).columns().stream().map(Column::name).toList();
            if (names.contains(PdqColumns.HASH) || names.contains(PdqColumns.HEX)) {
                if (!names.contains("uuid")) {
                    throw new TolException(f + " has PDQ hashes but no uuid column", "hash files must carry a uuid column");
                }
                out.add(f);
            } else {
                LOG.debug("{} has no PDQ hash column; ignored", f);
            }
        }
        if (out.isEmpty()) {
            throw new TolException("no PDQ hashes found in " + what + " " + inputs,
                    "pass the output of 'tol pdq hash' (Parquet with a hash_pdq or pdq_hex column)");
        }
        return out;
    }

    /** Loads the given hash files (from {@link #hashFiles}). */
    public static PdqHashTable loadFiles(List<Path> files) throws IOException {
        PdqHashTable t = new PdqHashTable();
        for (Path f : files) {
            t.loadFile(f);
        }
        return t;
    }

    private void loadFile(Path file) throws IOException {
        List<String> names = ParquetFileInfo.read(file).columns().stream().map(Column::name).toList();
        boolean binary = names.contains(PdqColumns.HASH);
        List<String> wanted = names.stream()
                .filter(n -> List.of("uuid", "status", PdqColumns.HASH, PdqColumns.HEX, PdqColumns.QUALITY).contains(n))
                .toList();
        try (ParquetRows rows = ParquetRows.open(file, wanted)) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                String status = r.string("status");
                PdqHash h = hashOf(r, binary);
                String uuid = r.string("uuid");
                if ((status != null && !status.equals("ok")) || h == null || uuid == null) {
                    skipped++;
                    continue;
                }
                Object q = r.value(PdqColumns.QUALITY);
                add(uuid, h, q instanceof Number n ? n.intValue() : UNKNOWN_QUALITY);
            }
        } catch (IllegalArgumentException e) {
            throw new TolException(file + ": bad PDQ hash: " + e.getMessage(), "hashes are 32 bytes or 64 hex digits");
        }
    }

    private static PdqHash hashOf(Row r, boolean binary) {
        if (binary) {
            byte[] b = r.binary(PdqColumns.HASH);
            return b == null ? null : PdqHash.fromBytes(b);
        }
        String hex = r.string(PdqColumns.HEX);
        return hex == null ? null : PdqHash.fromHex(hex);
    }

    public int size() {
        return size;
    }

    public long skipped() {
        return skipped;
    }

    public String uuid(int i) {
        return uuids[i];
    }

    public int quality(int i) {
        return quality[i];
    }

    /** The backing flat array (four longs per hash; only the first 4*size are valid). */
    public long[] hashes() {
        return hashes;
    }

    public long hashLong(int i, int k) {
        return hashes[4 * i + k];
    }
}
