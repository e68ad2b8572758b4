package org.tol.stages.report;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.stages.sql.DuckDb;

/** CLIP: rows per predicted label, the top-1 score histogram; gallery: lowest scores and one row per label. */
final class ClipSection implements FilterSection {
    private static final int LABELS = 40;

    @Override
    public boolean appliesTo(String kind, Map<String, String> columns) {
        return "VARCHAR".equals(columns.get("pred_label")) && columns.containsKey("pred_score");
    }

    @Override
    public List<Pick> write(Html html, DuckDb db, String view, Map<String, String> columns) throws SQLException {
        String ok = "status = 'ok'";
        html.h3("CLIP labels");
        long labels = ((Number) db.scalar("SELECT count(DISTINCT pred_label) FROM " + view + " WHERE " + ok)).longValue();
        html.raw(Svg.bars(Charts.counts(db, view, "pred_label", ok, LABELS)));
        html.note(labels + " distinct labels" + (labels > LABELS ? "; the " + LABELS + " most frequent shown" : ""));
        html.h3("CLIP score histogram");
        Charts.histogram(html, db, view, "pred_score", ok);
        List<Pick> picks = new ArrayList<>(Charts.picks("CLIP: lowest scores", db.rows("SELECT uuid, pred_label, pred_score FROM "
                + view + " WHERE " + ok + " ORDER BY pred_score, uuid LIMIT 8")));
        picks.addAll(Charts.picks("CLIP: best row of each label", db.rows("SELECT uuid, pred_label, pred_score FROM (SELECT *, "
                + "row_number() OVER (PARTITION BY pred_label ORDER BY pred_score DESC, uuid) AS r FROM " + view + " WHERE "
                + ok + ") WHERE r = 1 ORDER BY pred_label LIMIT 24")));
        return picks;
    }
}
