package org.tol.filters.faces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/**
 * The face filter's output columns and the reference's per-image score rule. {@code pred_label} (boolean) and
 * {@code pred_score} (double) carry the reference's names and types: {@code run_face_detection_distributed.py}
 * writes {@code float(score) > 0.} and {@code float(score)} through pandas, i.e. Parquet BOOLEAN and DOUBLE.
 */
public final class FaceColumns {
    public static final String PRED_LABEL = "pred_label";
    public static final String PRED_SCORE = "pred_score";
    public static final String N_FACES = "n_faces";
    public static final String FACES = "faces";
    public static final String BOX = "box";
    public static final String PROB = "prob";
    public static final String LANDMARKS = "landmarks";

    public static final List<Column> COLUMNS = List.of(
            Column.bool(PRED_LABEL),
            Column.float64(PRED_SCORE),
            Column.int32(N_FACES),
            new Column(FACES, ColumnType.listOf(ColumnType.structOf(
                    new Column(BOX, ColumnType.listOf(ColumnType.Primitive.FLOAT)),
                    Column.float32(PROB),
                    new Column(LANDMARKS, ColumnType.listOf(ColumnType.Primitive.FLOAT))))));

    private FaceColumns() {}

    /**
     * The reference's image score: the mean probability of the final boxes when that mean is above
     * {@code scoreRule}, otherwise 0 (also 0 without boxes); the label is score > 0.
     */
    public static float score(List<Face> faces, float scoreRule) {
        if (faces.isEmpty()) {
            return 0f;
        }
        double sum = 0;
        for (Face f : faces) {
            sum += f.prob();
        }
        float mean = (float) (sum / faces.size());
        return mean > scoreRule ? mean : 0f;
    }

    /** One row from faces already in original-image pixels. */
    public static Map<String, Object> row(List<Face> faces, float scoreRule) {
        float score = score(faces, scoreRule);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Face f : faces) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(BOX, floats(f.box()));
            m.put(PROB, f.prob());
            m.put(LANDMARKS, floats(f.landmarks()));
            list.add(m);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(PRED_LABEL, score > 0f);
        row.put(PRED_SCORE, (double) score);
        row.put(N_FACES, faces.size());
        row.put(FACES, list);
        return row;
    }

    private static List<Float> floats(float[] a) {
        List<Float> out = new ArrayList<>(a.length);
        for (float v : a) {
            out.add(v);
        }
        return out;
    }
}
