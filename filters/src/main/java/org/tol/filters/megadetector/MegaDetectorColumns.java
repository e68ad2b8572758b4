package org.tol.filters.megadetector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/**
 * The MegaDetector output columns and how one image's detections become a row. The reference
 * ({@code YOLOV8_Distributed.batch_image_detection}) writes exactly {@code img_id} (string, the uuid) and
 * {@code n_animal_detected} (Python int, so int64 in pandas' Parquet); both are here under those names and
 * types, beside tol's own columns. Categories follow
 * MegaDetector's batch format: {@code "1"} animal, {@code "2"} person, {@code "3"} vehicle; bbox is
 * {@code [x_min, y_min, width, height]} normalised to the original image.
 */
public final class MegaDetectorColumns {
    /** The reference's name for the uuid (filled by the runtime, see {@code ImageFilter.uuidColumns}). */
    public static final String IMG_ID = "img_id";
    public static final String N_ANIMAL = "n_animal_detected";
    public static final String N_PERSON = "n_person";
    public static final String N_VEHICLE = "n_vehicle";
    public static final String MAX_ANIMAL_CONF = "max_animal_conf";
    public static final String IS_EMPTY = "is_empty";
    public static final String DETECTIONS = "detections";
    public static final String CATEGORY = "category";
    public static final String CONF = "conf";
    public static final String BBOX = "bbox";

    public static final List<Column> COLUMNS = List.of(
            Column.string(IMG_ID),
            Column.int64(N_ANIMAL),
            Column.int32(N_PERSON),
            Column.int32(N_VEHICLE),
            Column.float32(MAX_ANIMAL_CONF),
            Column.bool(IS_EMPTY),
            new Column(DETECTIONS, ColumnType.listOf(ColumnType.structOf(
                    Column.string(CATEGORY),
                    Column.float32(CONF),
                    new Column(BBOX, ColumnType.listOf(ColumnType.Primitive.FLOAT))))));

    private MegaDetectorColumns() {}

    /** MegaDetector's category id for a class index (0 animal, 1 person, 2 vehicle). */
    public static String category(int classId) {
        return Integer.toString(classId + 1);
    }

    /**
     * Builds the row: counts of boxes with confidence strictly above {@code conf} (ultralytics' {@code conf >
     * conf_thres}; a box at exactly 0.2 does not count), the best animal confidence (0 when none), and every
     * box strictly above {@code keepAbove}, best first.
     */
    public static Map<String, Object> row(List<Detection> detections, LetterboxGeometry geometry, float conf,
            float keepAbove) {
        int[] counts = new int[DecoderSelector.NUM_CLASSES];
        float maxAnimal = 0f;
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Detection d : detections) {
            if (d.classId() < 0 || d.classId() >= counts.length) {
                continue;
            }
            if (d.conf() > conf) {
                counts[d.classId()]++;
            }
            if (d.classId() == 0) {
                maxAnimal = Math.max(maxAnimal, d.conf());
            }
            if (d.conf() > keepAbove) {
                float[] b = geometry.toNormalizedXywh(d.x1(), d.y1(), d.x2(), d.y2());
                Map<String, Object> box = new LinkedHashMap<>();
                box.put(CATEGORY, category(d.classId()));
                box.put(CONF, d.conf());
                box.put(BBOX, List.of(b[0], b[1], b[2], b[3]));
                kept.add(box);
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(N_ANIMAL, (long) counts[0]);
        row.put(N_PERSON, counts[1]);
        row.put(N_VEHICLE, counts[2]);
        row.put(MAX_ANIMAL_CONF, maxAnimal);
        row.put(IS_EMPTY, counts[0] == 0);
        row.put(DETECTIONS, kept);
        return row;
    }
}
