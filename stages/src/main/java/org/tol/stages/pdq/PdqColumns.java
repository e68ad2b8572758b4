package org.tol.stages.pdq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.schema.Column;

/** Column names and values of PDQ hash outputs (the reference stores only {@code uuid, hash_pdq}). */
public final class PdqColumns {
    /** 32 raw bytes, the canonical hex bytes in order: the reference's {@code hash_pdq}. */
    public static final String HASH = "hash_pdq";
    public static final String HEX = "pdq_hex";
    public static final String QUALITY = "pdq_quality";

    /** The filter's own columns, after the runtime's uuid/status/error. */
    public static final List<Column> OUTPUT = List.of(Column.binary(HASH), Column.string(HEX), Column.int32(QUALITY));

    private PdqColumns() {}

    public static Map<String, Object> values(PdqResult r) {
        Map<String, Object> m = new HashMap<>();
        m.put(HASH, r.hash().toBytes());
        m.put(HEX, r.hash().toHex());
        m.put(QUALITY, r.quality());
        return m;
    }
}
