package org.tol.gbif.wds;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.gbif.Keys;
import org.tol.gbif.table.CsvTable;
import org.tol.io.image.ImageDecoder;
import org.tol.io.json.Json;
import org.tol.wds.Sample;
import org.tol.wds.ShardWriter;

/**
 * The reference's {@code create-webdataset} on tol's wds-writer: one sample per CSV row with members
 * {@code cls} (category id, ASCII), {@code jpg} (the file's bytes, or the cropped/resized JPEG) and {@code json}
 * ({@code --columns-to-json}). Fixed against the reference: a MegaDetector JSON without a resize works; a label
 * missing from a given category map skips the row (counted, exit 3) instead of a KeyError; a missing value is
 * JSON null, not the invalid literal NaN; the shuffle is a seeded permutation. The key is the reference's
 * (image path without extension, lower-cased, "." → "_") with "/" → "_", because tol's writer refuses path
 * separators in keys.
 */
public final class WebDatasetJob {
    private static final Logger LOG = LoggerFactory.getLogger(WebDatasetJob.class);

    public record Options(String imagePathColumn, String labelColumn, long maxShardSize, boolean shuffle, long seed,
            Integer resizeMinSize, Path categoryMapJson, Path saveCategoryMapJson, List<String> columnsToJson,
            Path megadetectorJson) {}

    public record Summary(int rows, int written, int missingFiles, int unreadable, int unknownLabels,
            List<String> shards) {}

    private WebDatasetJob() {}

    public static Summary run(Path annotationsCsv, Path datasetPath, String pattern, Options o) throws IOException {
        CsvTable t = CsvTable.read(annotationsCsv);
        int pathCol = t.column(o.imagePathColumn(), annotationsCsv);
        int labelCol = t.column(o.labelColumn(), annotationsCsv);
        List<Integer> jsonCols = new ArrayList<>();
        for (String c : o.columnsToJson()) {
            jsonCols.add(t.column(c, annotationsCsv));
        }
        List<String[]> rows = new ArrayList<>(t.rows());
        if (o.shuffle()) {
            rows.sort(Comparator.comparingLong(r -> Keys.rank(o.seed(), "shuffle/" + r[pathCol])));
        }
        Map<String, Integer> categories = categoryMap(rows, labelCol, o);
        Map<String, Map<String, Object>> md = megadetector(o.megadetectorJson());
        boolean pixels = o.resizeMinSize() != null || md != null;
        ImageDecoder decoder = new ImageDecoder();
        int written = 0;
        int missing = 0;
        int unreadable = 0;
        int unknown = 0;
        PatternShards out = new PatternShards(pattern);
        try (ShardWriter w = new ShardWriter(out.staging(), new ShardWriter.Options(100_000, o.maxShardSize()))) {
            for (String[] r : rows) {
                Path file = datasetPath.resolve(r[pathCol]);
                if (!Files.isRegularFile(file)) {
                    LOG.warn("file {} not found; skipped", file);
                    missing++;
                    continue;
                }
                Integer cls = categories.get(Keys.norm(r[labelCol]));
                if (cls == null) {
                    LOG.warn("label '{}' of {} is not in the category map; skipped", r[labelCol], r[pathCol]);
                    unknown++;
                    continue;
                }
                byte[] jpg;
                if (pixels) {
                    DecodeResult d = decoder.decodeFile(file);
                    if (!d.isOk()) {
                        LOG.warn("{}; skipped", d.message());
                        unreadable++;
                        continue;
                    }
                    RgbImage img = d.image();
                    double[] box = md == null ? null : SampleImage.bestBox(md.get(r[pathCol]));
                    if (box != null) {
                        img = SampleImage.squareCrop(img, box);
                    }
                    if (o.resizeMinSize() != null) {
                        img = SampleImage.resizeShorter(img, o.resizeMinSize());
                    }
                    jpg = SampleImage.jpeg100(img);
                } else {
                    jpg = Files.readAllBytes(file);
                }
                Map<String, byte[]> m = new LinkedHashMap<>();
                m.put("cls", Sample.utf8(Integer.toString(cls)));
                m.put("jpg", jpg);
                if (!jsonCols.isEmpty()) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    for (int i = 0; i < jsonCols.size(); i++) {
                        j.put(o.columnsToJson().get(i), jsonValue(r[jsonCols.get(i)]));
                    }
                    m.put("json", Sample.utf8(pyJsonDumps(j)));
                }
                w.write(new Sample(key(r[pathCol]), m));
                written++;
            }
        }
        List<String> shards = out.publish();
        return new Summary(rows.size(), written, missing, unreadable, unknown, shards);
    }

    /** The reference's key rule, plus "/" → "_" (see the class comment). */
    public static String key(String imagePath) {
        String p = imagePath;
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > slash + 1) { // os.path.splitext: a leading dot of the base name is not an extension
            p = p.substring(0, dot);
        }
        return p.toLowerCase(java.util.Locale.ROOT).replace('.', '_').replace('/', '_');
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    /** Python's {@code json.dumps} layout ({@code ", "} and {@code ": "} separators, ASCII escapes). */
    static String pyJsonDumps(Map<String, Object> m) throws IOException {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(PLAIN.writeValueAsString(e.getKey())).append(": ").append(PLAIN.writeValueAsString(e.getValue()));
        }
        return b.append('}').toString();
    }

    /** A CSV cell as pandas would give it to json.dumps: number when numeric, null when missing. */
    static Object jsonValue(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }

    private static Map<String, Integer> categoryMap(List<String[]> rows, int labelCol, Options o) throws IOException {
        Map<String, Integer> map = new LinkedHashMap<>();
        if (o.categoryMapJson() != null) {
            Map<String, Integer> given = Json.mapper().readValue(o.categoryMapJson().toFile(),
                    new TypeReference<Map<String, Integer>>() {});
            given.forEach((k, v) -> map.put(Keys.norm(k), v));
            return map;
        }
        boolean numeric = true;
        TreeSet<String> labels = new TreeSet<>();
        for (String[] r : rows) {
            String l = Keys.norm(r[labelCol]);
            if (l != null) {
                labels.add(l);
                numeric &= l.matches("-?\\d+(\\.\\d+)?");
            }
        }
        List<String> sorted = new ArrayList<>(labels);
        if (numeric) { // pandas sorted the numbers, not their strings
            sorted.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        for (String l : sorted) {
            map.put(l, map.size());
        }
        if (o.saveCategoryMapJson() != null) {
            Json.writeAtomically(o.saveCategoryMapJson(), map);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> megadetector(Path json) throws IOException {
        if (json == null) {
            return null;
        }
        Map<String, Object> root = Json.mapper().readValue(json.toFile(), new TypeReference<Map<String, Object>>() {});
        if (!(root.get("images") instanceof List<?> images)) {
            throw new TolException(json + " has no 'images' list", "pass a MegaDetector batch-output JSON");
        }
        Map<String, Map<String, Object>> byFile = new LinkedHashMap<>();
        for (Object o : images) {
            if (o instanceof Map<?, ?> m && m.get("file") != null) {
                byFile.put(String.valueOf(m.get("file")), (Map<String, Object>) m);
            }
        }
        return byFile;
    }
}
