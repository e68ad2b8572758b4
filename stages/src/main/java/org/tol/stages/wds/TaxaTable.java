package org.tol.stages.wds;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * Taxonomy columns by uuid from a side table (e.g. the sample's {@code attributes/taxonomy.parquet}), for image
 * rows that do not carry them. Values: kingdom … species, then common (may be null).
 */
public final class TaxaTable {
    public static final List<String> RANK_COLUMNS =
            List.of("kingdom", "phylum", "class", "order", "family", "genus", "species");
    public static final String COMMON = "common";

    private final Map<String, String[]> byUuid = new HashMap<>();

    public static TaxaTable load(List<String> inputs) throws IOException {
        TaxaTable t = new TaxaTable();
        List<String> cols = new java.util.ArrayList<>(RANK_COLUMNS);
        cols.add(0, "uuid");
        cols.add(COMMON);
        for (org.tol.io.parquet.InputFile f : InputFiles.resolve(inputs)) {
            try (ParquetRows rows = ParquetRows.open(f.path(), cols)) {
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    t.byUuid.put(r.string("uuid"), ranksOf(r));
                }
            }
        }
        return t;
    }

    /** The 7 ranks + common of a row that has the columns (null when it has no rank column at all). */
    public static String[] ranksOf(Row r) {
        String[] v = new String[8];
        boolean any = false;
        for (int i = 0; i < 7; i++) {
            if (r.has(RANK_COLUMNS.get(i))) {
                any = true;
                v[i] = r.string(RANK_COLUMNS.get(i));
            }
        }
        v[7] = r.has(COMMON) ? r.string(COMMON) : null;
        return any ? v : null;
    }

    public String[] get(String uuid) {
        return byUuid.get(uuid);
    }

    public int size() {
        return byUuid.size();
    }
}
