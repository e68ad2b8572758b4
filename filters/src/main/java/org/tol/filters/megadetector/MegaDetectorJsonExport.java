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
 * scripts read. TOL images have no file paths, so {@code file} is a chosen column ({@code identifier} when the
 * predictions have it, copied there with {@code --keep-columns identifier}), else the row's uuid; a null value falls
 * back to the uuid. With JSON Lines each line is one image object (for runs too large for one JSON document), and the
 * info and categories blocks go to a companion {@code .info.json}. A failed row becomes an
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
        return export(predictions, target, fingerprint, minConf, null, false);
    }

    /** The column {@code file} is taken from: {@code requested}, else identifier when present, else uuid. */
    public static String fileColumn(Path predictions, String requested) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (org.tol.api.schema.Column c : org.tol.io.parquet.ParquetFileInfo.read(predictions).columns()) {
            names.add(c.name());
        }
        if (requested != null) {
            if (!names.contains(requested)) {
                throw TolException.usage(predictions + " has no column '" + requested + "'",
                        "columns there: " + String.join(", ", names) + " (copy input columns with 'tol filter ... --keep-columns')");
            }
            return requested;
        }
        return names.contains("identifier") ? "identifier" : "uuid";
    }

    /**
     * @param fileColumn the column written as {@code file} (null: {@link #fileColumn} decides)
     * @param jsonLines  one image object per line instead of one JSON document
     */
    public static Result export(Path predictions, Path target, Map<String, String> fingerprint, float minConf,
            String fileColumn, boolean jsonLines) throws IOException {
        if (!Files.isRegularFile(predictions)) {
            throw new TolException("no collected predictions at " + predictions,
                    "run 'tol collect OUT' after the megadetector run has finished");
        }
        long[] counts = new long[3];
        String fileCol = fileColumn(predictions, fileColumn);
        try (ParquetRows rows = ParquetRows.open(predictions, List.of("uuid", "status", "error", MegaDetectorColumns.DETECTIONS,
                fileCol))) {
            if (rows.columns().stream().noneMatch(c -> c.name().equals(MegaDetectorColumns.DETECTIONS))) {
                throw new TolException(predictions + " has no '" + MegaDetectorColumns.DETECTIONS + "' column",
                        "export only the output of 'tol filter megadetector'");
            }
            if (jsonLines) {
                writeLines(rows, target, fingerprint, minConf, fileCol, counts);
                return new Result(counts[0], counts[1], counts[2]);
            }
            AtomicFiles.write(target, out -> {
                try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // AtomicFiles flushes and fsyncs the stream
                    g.useDefaultPrettyPrinter();
                    g.writeStartObject();
                    writeHeader(g, fingerprint);
                    g.writeArrayFieldStart("images");
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        writeImage(g, r, minConf, counts, fileCol);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            });
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    /** JSON Lines: one image object a line; info and categories in {@code <target>.info.json}. */
    private static void writeLines(ParquetRows rows, Path target, Map<String, String> fingerprint, float minConf,
            String fileCol, long[] counts) throws IOException {
        AtomicFiles.write(target, out -> {
            try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    writeImage(g, r, minConf, counts, fileCol);
                }
                g.writeRaw('\n');
            }
        });
        Path info = target.resolveSibling(target.getFileName().toString().replaceFirst("\\.jsonl$", "") + ".info.json");
        AtomicFiles.write(info, out -> {
            try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                writeHeader(g, fingerprint);
                g.writeEndObject();
            }
        });
    }

    private static void writeHeader(JsonGenerator g, Map<String, String> fingerprint) throws IOException {
        writeInfo(g, fingerprint);
        g.writeObjectFieldStart("detection_categories");
        g.writeStringField("1", "animal");
        g.writeStringField("2", "person");
        g.writeStringField("3", "vehicle");
        g.writeEndObject();
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

    private static void writeImage(JsonGenerator g, Row r, float minConf, long[] counts, String fileCol) throws IOException {
        counts[0]++;
        g.writeStartObject();
        String file = r.string(fileCol);
        g.writeStringField("file", file == null ? r.string("uuid") : file);
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
