package org.tol.stages.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tol.stages.sql.DuckDb;

/** The report's histogram bins and counts, computed in DuckDB, on values whose bins are known. */
class ChartsTest {
    @Test
    void histogramPutsEachValueInItsBinAndTheMaximumInTheLast() throws Exception {
        try (DuckDb db = DuckDb.open(1)) {
            db.execute("CREATE VIEW v AS SELECT * FROM (VALUES ('ok', 0.0), ('ok', 0.26), ('ok', 0.5), ('ok', 0.5), "
                    + "('ok', 1.0), ('corrupt_image', NULL), ('ok', NULL)) t(status, s)");
            Html html = new Html();
            Charts.histogram(html, db, "v", "s", "status = 'ok'");
            String page = html.page("t", "");
            // 20 bins of width 0.05 over [0, 1]: 0 -> bin 0, 0.26 -> bin 5, 0.5 -> bin 10 (twice), 1.0 -> bin 19
            assertTrue(page.contains("<title>[0, 0.0500): 1</title>"), page);
            assertTrue(page.contains("<title>[0.250, 0.300): 1</title>"), page);
            assertTrue(page.contains("<title>[0.500, 0.550): 2</title>"), page);
            assertTrue(page.contains("<title>[0.950, 1): 1</title>"), page);
            assertEquals(16, page.split(": 0</title>", -1).length - 1);
            assertTrue(page.contains("5 values; min 0, mean 0.452, max 1"), page);
        }
    }

    @Test
    void countsAreOrderedByFrequencyThenKey() throws Exception {
        try (DuckDb db = DuckDb.open(1)) {
            db.execute("CREATE VIEW v AS SELECT * FROM (VALUES ('b'), ('a'), ('c'), ('c'), (NULL)) t(k)");
            List<Map.Entry<String, Long>> e = Charts.counts(db, "v", "k", "true", 10);
            assertEquals(List.of(Map.entry("c", 2L), Map.entry("a", 1L), Map.entry("b", 1L), Map.entry("(null)", 1L)), e);
        }
    }
}
