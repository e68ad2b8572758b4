package org.tol.filters.megadetector;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.tol.api.TolException;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * Writes collected MegaDetector predictions as MegaDetector's batch-output JSON (format 1.4: {@code info},
 * {@code detection_categories}, {@code images}), which Timelapse and MegaDetector's postprocessing
 * scripts read. TOL images have no file paths, so {@code file} is the row's uuid. A failed row becomes an
 * image with {@code failure} (the row's status and error) and {@code detections: null}, as the format
 * specifies. Confidences are rounded to 3 decimals and coordinates to 4, as MegaDetector writes them.
 * Streams row by row; the file appears atomically.
 */
public final class MegaDetectorJsonExport {
    public static final String FORMAT_VERSION = "1.4";

    /** What was written. */
    public record Result(long images, long failures, long detections) {}

    private MegaDetectorJsonExport() {}

    /**
     * @param fingerprint the run's fingerprint (thresholds, layout, model digest) for the info block; may be empty
     * @param minConf detections below this are left out (MegaDetector's output threshold)
     */
    public static Result export(Path predictions, Path target, Map<String, String> fingerprint, float minConf)
            throws IOException {
        if (!Files.isRegularFile(predictions)) {
            throw new TolException("no collected predictions at " + predictions,
                    "run 'tol collect OUT' after the megadetector run has finished");
        }
        long[] counts = new long[3];
        try (ParquetRows rows = ParquetRows.open(predictions, List.of("uuid", "status", "error", MegaDetectorColumns.DETECTIONS))) {
            if (rows.columns().stream().noneMatch(c -> c.name().equals(MegaDetectorColumns.DETECTIONS))) {
                throw new TolException(predictions + " has no '" + MegaDetectorColumns.DETECTIONS + "' column",
                        "export only the output of 'tol filter megadetector'");
            }
            AtomicFiles.write(target, out -> {
                try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // AtomicFiles flushes and fsyncs the stream
                    g.useDefaultPrettyPrinter();
                    g.writeStartObject();
                    writeInfo(g, fingerprint);
                    g.writeObjectFieldStart("detection_categories");
                    g.writeStringField("1", "animal");
                    g.writeStringField("2", "person");
                    g.writeStringField("3", "vehicle");
                    g.writeEndObject();
                    g.writeArrayFieldStart("images");
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        writeImage(g, r, minConf, counts);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            });
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    private static void writeInfo(JsonGenerator g, Map<String, String> fp) throws IOException {
        g.writeObjectFieldStart("info");
        g.writeStringField("format_version", FORMAT_VERSION);
        g.writeStringField("detector", "tol filter megadetector (" + fp.getOrDefault("layout", "unknown layout")
                + ", model " + fp.getOrDefault("model", "unknown") + ")");
        g.writeStringField("detection_completion_time",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now()));
        g.writeObjectFieldStart("detector_metadata");
        if (fp.containsKey("conf")) {
            g.writeNumberField("typical_detection_threshold", Double.parseDouble(fp.get("conf")));
        }
        if (fp.containsKey("keep_boxes_above")) {
            g.writeNumberField("output_threshold", Double.parseDouble(fp.get("keep_boxes_above")));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("tol_fingerprint");
        for (Map.Entry<String, String> e : fp.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeImage(JsonGenerator g, Row r, float minConf, long[] counts) throws IOException {
        counts[0]++;
        g.writeStartObject();
        g.writeStringField("file", r.string("uuid"));
        String status = r.string("status");
        if (!"ok".equals(status)) {
            counts[1]++;
            String error = r.string("error");
            g.writeStringField("failure", error == null ? status : status + ": " + error);
            g.writeNullField("detections");
            g.writeEndObject();
            return;
        }
        g.writeArrayFieldStart("detections");
        Object dets = r.value(MegaDetectorColumns.DETECTIONS);
        if (dets instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> d = (Map<?, ?>) o;
                float conf = ((Number) d.get(MegaDetectorColumns.CONF)).floatValue();
                if (conf < minConf) {
                    continue;
                }
                counts[2]++;
                g.writeStartObject();
                g.writeStringField("category", String.valueOf(d.get(MegaDetectorColumns.CATEGORY)));
                g.writeNumberField("conf", round(conf, 3));
                g.writeArrayFieldStart("bbox");
                for (Object v : (List<?>) d.get(MegaDetectorColumns.BBOX)) {
                    g.writeNumber(round(((Number) v).floatValue(), 4));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Decimal rounding of the float's shortest decimal form (0.8999 -> 0.9 at 3 digits), half up like Python's format. */
    static BigDecimal round(float v, int digits) {
        return new BigDecimal(Float.toString(v)).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
