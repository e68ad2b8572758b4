package org.tol.models.supportset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.model.DType;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * JSON ({@code {label: [floats]}} or {@code [{"label":..., "embedding":[...]}, ...]}) and Parquet ({@code label}
 * string + {@code embedding} list of float/double) support sets; rows/keys keep file order.
 */
final class TabularSupportSets {
    private TabularSupportSets() {}

    static SupportSet readJson(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new SupportSetFormatException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        List<SupportVector> vectors = new ArrayList<>();
        if (root != null && root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                vectors.add(jsonVector(file, e.getKey(), e.getValue()));
            }
        } else if (root != null && root.isArray()) {
            for (JsonNode n : root) {
                if (!n.path("label").isTextual()) {
                    throw new SupportSetFormatException(file + ": list entries need a string 'label' and an 'embedding'");
                }
                vectors.add(jsonVector(file, n.get("label").asText(), n.path("embedding")));
            }
        } else {
            throw new SupportSetFormatException(file + ": JSON support sets are an object {label: [floats]} or a list");
        }
        return new SupportSet(vectors, "json");
    }

    private static SupportVector jsonVector(Path file, String label, JsonNode v) {
        long[] shape;
        JsonNode flat = v;
        if (v.isArray() && v.size() == 1 && v.get(0).isArray()) {
            flat = v.get(0);
            shape = new long[] {1, flat.size()};
        } else {
            shape = new long[] {v.size()};
        }
        if (!flat.isArray() || flat.isEmpty()) {
            throw new SupportSetFormatException(file + ": label '" + label + "' needs a non-empty list of numbers");
        }
        double[] d = new double[flat.size()];
        for (int i = 0; i < d.length; i++) {
            if (!flat.get(i).isNumber()) {
                throw new SupportSetFormatException(file + ": label '" + label + "' value " + i + " is not a number");
            }
            d[i] = flat.get(i).asDouble();
        }
        return new SupportVector(label, shape, DType.FLOAT64, d);
    }

    static void writeJson(SupportSet set, OutputStream out) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        set.vectors().forEach(v -> m.put(v.label(), v.values()));
        out.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(m)); // Jackson would close `out`
    }

    static SupportSet readParquet(Path file) {
        List<SupportVector> vectors = new ArrayList<>();
        try (ParquetRows rows = ParquetRows.open(file, List.of("label", "embedding"))) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                String label = r.string("label");
                Object emb = r.value("embedding");
                if (label == null || !(emb instanceof List<?> list) || list.isEmpty()) {
                    throw new SupportSetFormatException(file + ": row " + r.indexInFile()
                            + " needs a 'label' string and a non-empty 'embedding' list");
                }
                double[] d = new double[list.size()];
                DType t = list.get(0) instanceof Float ? DType.FLOAT32 : DType.FLOAT64;
                for (int i = 0; i < d.length; i++) {
                    if (!(list.get(i) instanceof Number n)) {
                        throw new SupportSetFormatException(file + ": row " + r.indexInFile() + " embedding value " + i
                                + " is not a number");
                    }
                    d[i] = n.doubleValue();
                }
                vectors.add(new SupportVector(label, new long[] {d.length}, t, d));
            }
        } catch (IOException e) {
            throw new SupportSetFormatException(file + ": cannot read Parquet support set: " + e.getMessage(), e);
        }
        return new SupportSet(vectors, "parquet");
    }
}
