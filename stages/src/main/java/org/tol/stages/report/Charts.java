package org.tol.stages.report;

import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.stages.sql.DuckDb;

/** The queries behind the report's charts: counts by a key, and fixed-width histograms, both run in DuckDB. */
final class Charts {
    static final int BINS = 20;

    private Charts() {}

    /** {@code [key, count]} rows as bar entries; a null key is shown as "(null)". */
    static List<Map.Entry<String, Long>> entries(List<List<Object>> rows) {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            out.add(new AbstractMap.SimpleEntry<>(r.get(0) == null ? "(null)" : String.valueOf(r.get(0)),
                    ((Number) r.get(1)).longValue()));
        }
        return out;
    }

    /** Bars of {@code expr}'s values by count (the {@code limit} most frequent) over rows where {@code where}. */
    static List<Map.Entry<String, Long>> counts(DuckDb db, String view, String expr, String where, int limit)
            throws SQLException {
        return entries(db.rows("SELECT " + expr + " AS k, count(*) AS n FROM " + view + " WHERE " + where
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + limit));
    }

    /**
     * Writes a histogram of numeric {@code column} over rows where {@code where} ({@link #BINS} equal bins from the
     * minimum to the maximum), with min/mean/max, or a note when there are no values.
     */
    static void histogram(Html html, DuckDb db, String view, String column, String where) throws SQLException {
        String c = DuckDb.identifier(column);
        List<Object> s = db.rows("SELECT min(" + c + ")::DOUBLE, max(" + c + ")::DOUBLE, avg(" + c + ")::DOUBLE, count(" + c
                + ") FROM " + view + " WHERE " + where).get(0);
        long n = ((Number) s.get(3)).longValue();
        if (n == 0) {
            html.note("no values of " + column);
            return;
        }
        double lo = ((Number) s.get(0)).doubleValue();
        double hi = ((Number) s.get(1)).doubleValue();
        double width = hi > lo ? (hi - lo) / BINS : 1;
        long[] counts = new long[BINS];
        for (List<Object> r : db.rows("SELECT least(" + (BINS - 1) + ", floor((" + c + " - ?) / ?))::INTEGER AS b, count(*) FROM "
                + view + " WHERE " + c + " IS NOT NULL AND (" + where + ") GROUP BY 1", lo, width)) {
            counts[((Number) r.get(0)).intValue()] += ((Number) r.get(1)).longValue();
        }
        html.raw(Svg.histogram(lo, hi > lo ? hi : lo + width * BINS, counts, column));
        html.note(String.format(java.util.Locale.ROOT, "%d values; min %s, mean %s, max %s", n, Svg.num(lo),
                Svg.num(((Number) s.get(2)).doubleValue()), Svg.num(hi)));
    }

    /** Gallery picks from rows {@code [uuid, caption...]}: the caption is the other columns joined. */
    static List<Pick> picks(String group, List<List<Object>> rows) {
        List<Pick> out = new ArrayList<>();
        for (List<Object> r : rows) {
            StringBuilder cap = new StringBuilder();
            for (int i = 1; i < r.size(); i++) {
                Object v = r.get(i);
                cap.append(i > 1 ? " · " : "").append(v instanceof Number n && !(v instanceof Integer || v instanceof Long)
                        ? Svg.num(n.doubleValue()) : String.valueOf(v));
            }
            out.add(new Pick(group, String.valueOf(r.get(0)), cap.toString(), List.of(), false));
        }
        return out;
    }
}
