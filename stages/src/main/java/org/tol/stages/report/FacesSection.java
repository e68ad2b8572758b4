package org.tol.stages.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.io.json.Json;
import org.tol.stages.sql.DuckDb;

/** MTCNN faces: how many images have a face, faces per image, the score histogram; gallery: highest scores. */
final class FacesSection implements FilterSection {
    @Override
    public boolean appliesTo(String kind, Map<String, String> columns) {
        return "BOOLEAN".equals(columns.get("pred_label")) && columns.containsKey("n_faces");
    }

    @Override
    public List<Pick> write(Html html, DuckDb db, String view, Map<String, String> columns) throws SQLException {
        String ok = "status = 'ok'";
        html.h3("Faces: images with a face (pred_label)");
        html.raw(Svg.bars(Charts.counts(db, view, "CASE WHEN pred_label THEN 'face' ELSE 'no face' END", ok, 2)));
        html.h3("Faces per image (boxes found by the cascade)");
        html.raw(Svg.bars(Charts.counts(db, view, "n_faces::VARCHAR", ok, 20)));
        html.h3("Face score histogram (images with a face)");
        Charts.histogram(html, db, view, "pred_score", ok + " AND pred_label");
        List<Pick> picks = new ArrayList<>();
        for (List<Object> r : db.rows("SELECT uuid, pred_score, to_json(faces)::VARCHAR FROM " + view + " WHERE " + ok
                + " AND pred_label ORDER BY pred_score DESC, uuid LIMIT 8")) {
            picks.add(new Pick("Faces: highest scores", String.valueOf(r.get(0)), "score " + Svg.num(((Number) r.get(1)).doubleValue()),
                    boxes(String.valueOf(r.get(2))), true));
        }
        return picks;
    }

    private static List<float[]> boxes(String json) {
        List<float[]> out = new ArrayList<>();
        try {
            for (JsonNode f : Json.mapper().readTree(json)) {
                JsonNode b = f.path("box");
                out.add(new float[] {(float) b.path(0).asDouble(), (float) b.path(1).asDouble(), (float) b.path(2).asDouble(),
                    (float) b.path(3).asDouble()});
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
