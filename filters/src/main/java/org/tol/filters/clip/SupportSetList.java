package org.tol.filters.clip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tol.api.TolException;
import org.tol.io.json.Json;

/**
 * Reads the labelled image list for {@code tol support-set build}: a CSV with header {@code label,path[,k]}, a
 * JSON list of {@code {"label", "path", "k"}}, or the reference's {@code create_support_set.py} JSON
 * ({@code {"categrories" | "categories": {name: {"label", "data_urls" | "paths", "k"}}}}) whose entries are
 * local files. Relative paths resolve against the list's directory.
 */
public final class SupportSetList {
    private SupportSetList() {}

    public static List<SupportSetBuilder.Example> read(Path list, int defaultK) throws IOException {
        Path base = list.toAbsolutePath().getParent();
        List<SupportSetBuilder.Example> out = new ArrayList<>();
        if (list.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            JsonNode root = Json.mapper().readTree(list.toFile());
            JsonNode cats = root.has("categrories") ? root.get("categrories") : root.get("categories");
            if (root.isArray()) {
                for (JsonNode n : root) {
                    out.add(example(list, base, n.path("label").asText(null), n.path("path").asText(null),
                            n.path("k").asInt(defaultK)));
                }
            } else if (cats != null && cats.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = cats.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode c = e.getValue();
                    String label = c.path("label").asText(e.getKey());
                    JsonNode paths = c.has("paths") ? c.get("paths") : c.path("data_urls");
                    for (JsonNode p : paths) {
                        out.add(example(list, base, label, p.asText(), c.path("k").asInt(defaultK)));
                    }
                }
            } else {
                throw new TolException(list + ": expected a list of {label, path, k} or {\"categories\": {...}}", null);
            }
        } else {
            List<String> lines = Files.readAllLines(list);
            if (lines.isEmpty() || !lines.get(0).trim().toLowerCase(Locale.ROOT).startsWith("label,path")) {
                throw new TolException(list + ": CSV must start with the header 'label,path[,k]'", null);
            }
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < 2) {
                    throw new TolException(list + " line " + (i + 1) + ": expected label,path[,k]", null);
                }
                out.add(example(list, base, f[0].trim(), f[1].trim(),
                        f.length > 2 && !f[2].isBlank() ? Integer.parseInt(f[2].trim()) : defaultK));
            }
        }
        if (out.isEmpty()) {
            throw new TolException(list + " lists no images", null);
        }
        return out;
    }

    private static SupportSetBuilder.Example example(Path list, Path base, String label, String path, int k) {
        if (label == null || label.isBlank() || path == null || path.isBlank()) {
            throw new TolException(list + ": every entry needs a label and a path", null);
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            throw new TolException(list + ": '" + path + "' is a URL; tol does not download",
                    "download the images first and list their local paths");
        }
        Path p = base.resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new TolException(list + ": image " + p + " does not exist", null);
        }
        return new SupportSetBuilder.Example(label, p, Math.max(1, k));
    }
}
