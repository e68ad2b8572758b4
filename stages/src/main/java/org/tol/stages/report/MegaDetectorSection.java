package org.tol.stages.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.io.json.Json;
import org.tol.stages.sql.DuckDb;

/**
 * MegaDetector: the empty rate, detections per class, the best animal confidence; gallery: the most confident
 * animal frames with their boxes, and a few empty ones.
 */
final class MegaDetectorSection implements FilterSection {
    private static final Map<String, String> CLASSES = Map.of("1", "animal", "2", "person", "3", "vehicle");

    @Override
    public boolean appliesTo(String kind, Map<String, String> columns) {
        return columns.containsKey("is_empty") && columns.containsKey("detections");
    }

    @Override
    public List<Pick> write(Html html, DuckDb db, String view, Map<String, String> columns) throws SQLException {
        String ok = "status = 'ok'";
        html.h3("MegaDetector empty rate");
        List<Object> r = db.rows("SELECT count(*) FILTER (WHERE is_empty), count(*) FROM " + view + " WHERE " + ok).get(0);
        long empty = ((Number) r.get(0)).longValue();
        long all = ((Number) r.get(1)).longValue();
        html.table(List.of("frames (status ok)", "empty (no animal)", "empty rate"),
                List.of(List.of(all, empty, all == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * empty / all))));
        html.h3("MegaDetector detections per class");
        List<Map.Entry<String, Long>> perClass = Charts.entries(db.rows("SELECT d.category, count(*) FROM (SELECT unnest(detections) AS d FROM "
                + view + " WHERE " + ok + ") GROUP BY 1 ORDER BY 1"));
        perClass.replaceAll(e -> Map.entry(e.getKey() + " " + CLASSES.getOrDefault(e.getKey(), "?"), e.getValue()));
        html.raw(Svg.bars(perClass));
        html.note("every stored box (the filter keeps boxes above its --keep-above threshold); is_empty counts animals at --conf");
        html.h3("MegaDetector best animal confidence");
        Charts.histogram(html, db, view, "max_animal_conf", ok + " AND NOT is_empty");
        List<Pick> picks = new ArrayList<>();
        for (List<Object> row : db.rows("SELECT uuid, n_animal_detected, max_animal_conf, to_json(detections)::VARCHAR FROM " + view
                + " WHERE " + ok + " AND NOT is_empty ORDER BY max_animal_conf DESC, uuid LIMIT 8")) {
            picks.add(new Pick("MegaDetector: most confident animals", String.valueOf(row.get(0)), row.get(1) + " animal(s) · conf "
                    + Svg.num(((Number) row.get(2)).doubleValue()), boxes(String.valueOf(row.get(3))), false));
        }
        picks.addAll(Charts.picks("MegaDetector: empty frames", db.rows("SELECT uuid, 'empty' FROM " + view + " WHERE " + ok
                + " AND is_empty ORDER BY uuid LIMIT 4")));
        return picks;
    }

    private static List<float[]> boxes(String json) {
        List<float[]> out = new ArrayList<>();
        try {
            for (JsonNode d : Json.mapper().readTree(json)) {
                JsonNode b = d.path("bbox");
                out.add(new float[] {(float) b.path(0).asDouble(), (float) b.path(1).asDouble(), (float) b.path(2).asDouble(),
                    (float) b.path(3).asDouble()});
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
