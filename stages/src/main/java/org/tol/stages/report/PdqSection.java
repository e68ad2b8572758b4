package org.tol.stages.report;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.stages.sql.DuckDb;

/**
 * PDQ: the quality histogram of a hash run, and for a {@code tol pdq dedup} output the sizes of the
 * near-duplicate clusters; gallery: the members of the largest clusters.
 */
final class PdqSection implements FilterSection {
    @Override
    public boolean appliesTo(String kind, Map<String, String> columns) {
        return columns.containsKey("cluster_size") || columns.containsKey("pdq_quality") && columns.containsKey("pdq_hex");
    }

    @Override
    public List<Pick> write(Html html, DuckDb db, String view, Map<String, String> columns) throws SQLException {
        if (!columns.containsKey("cluster_size")) {
            html.h3("PDQ quality histogram");
            Charts.histogram(html, db, view, "pdq_quality", "status = 'ok'");
            return List.of();
        }
        html.h3("PDQ duplicate cluster sizes");
        html.raw(Svg.bars(Charts.entries(db.rows("SELECT cluster_size || ' images', count(DISTINCT representative_uuid) FROM "
                + view + " WHERE cluster_size > 1 GROUP BY cluster_size ORDER BY cluster_size"))));
        html.note("clusters of near-duplicates (one representative is kept per cluster); bars count clusters");
        List<Object> low = db.rows("SELECT count(*) FILTER (WHERE low_quality), count(*) FILTER (WHERE NOT keep) FROM " + view).get(0);
        html.table(List.of("low-quality hashes", "rows not kept"), List.of(List.of(low.get(0), low.get(1))));
        return new ArrayList<>(Charts.picks("PDQ: largest duplicate clusters", db.rows("SELECT uuid, 'cluster of ' || cluster_size, "
                + "CASE WHEN keep THEN 'kept' ELSE 'duplicate' END FROM " + view + " WHERE cluster_size > 1 "
                + "ORDER BY cluster_size DESC, representative_uuid, NOT keep, uuid LIMIT 12")));
    }
}
