package org.tol.stages.report;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.tol.stages.sql.DuckDb;

/** Rows by status and the most frequent failure reasons; gallery: a few failed rows of each status. */
final class StatusSection {
    private StatusSection() {}

    static List<Pick> write(Html html, DuckDb db, String view) throws SQLException {
        html.h3("Rows by status");
        List<Map.Entry<String, Long>> byStatus = Charts.counts(db, view, "status", "true", 50);
        long all = byStatus.stream().mapToLong(Map.Entry::getValue).sum();
        html.raw(Svg.bars(byStatus));
        long ok = byStatus.stream().filter(e -> "ok".equals(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        html.note(all + " rows, " + ok + " ok (" + ReportBuilder.percent(ok, all) + ")");
        html.h3("Failure reasons");
        List<List<Object>> reasons = db.rows("SELECT status, left(coalesce(error, ''), 200), count(*) FROM " + view
                + " WHERE status <> 'ok' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 25");
        if (reasons.isEmpty()) {
            html.note("no failed rows");
            return List.of();
        }
        html.table(List.of("status", "error", "rows"), reasons);
        return Charts.picks("Failures", db.rows("SELECT uuid, status FROM (SELECT uuid, status, row_number() OVER "
                + "(PARTITION BY status ORDER BY uuid) AS r FROM " + view + " WHERE status <> 'ok') WHERE r <= 2 ORDER BY status, uuid LIMIT 8"));
    }
}
