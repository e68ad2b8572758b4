package org.tol.stages.wds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.TolException;
import org.tol.io.json.Json;
import org.tol.wds.taxon.Taxon;

/**
 * bioclip's {@code *_name_lookup.json} files ({@code make_metadata.py}): {@code {key: [[7 ranks], common,
 * [7 class ids]]}}, keyed by EOL page_id, iNat21 class number and BIOSCAN evobio10m_id. Each entry becomes a
 * cleaned {@link Taxon} plus its common name (as {@code load_name_lookup} does). Read as a stream, one entry at a
 * time, since the EOL file is large.
 */
public final class NameLookups {
    public static final String EOL = "eol_name_lookup.json";
    public static final String INAT21 = "inat21_name_lookup.json";
    public static final String BIOSCAN = "bioscan_name_lookup.json";

    /** A taxon and the common name stored with it ("" when none). */
    public record Entry(Taxon taxon, String common) {}

    private final Map<String, Entry> eol;
    private final Map<String, Entry> inat21;
    private final Map<String, Entry> bioscan;

    private NameLookups(Map<String, Entry> eol, Map<String, Entry> inat21, Map<String, Entry> bioscan) {
        this.eol = eol;
        this.inat21 = inat21;
        this.bioscan = bioscan;
    }

    /** Loads the files present in {@code dir}; a missing file is an empty lookup. */
    public static NameLookups load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new TolException("--names " + dir + " is not a directory",
                    "point it at the directory with eol/inat21/bioscan_name_lookup.json (make_metadata.py output)");
        }
        return new NameLookups(read(dir.resolve(EOL)), read(dir.resolve(INAT21)), read(dir.resolve(BIOSCAN)));
    }

    static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TolException(file + " is not a JSON object", "use make_metadata.py's name lookups");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                JsonNode v = Json.mapper().readTree(p);
                if (!v.isArray() || v.size() < 2 || !v.get(0).isArray()) {
                    throw new TolException(file + ": entry " + key + " is not [[7 ranks], common, ...]",
                            "use make_metadata.py's name lookups");
                }
                List<String> ranks = new ArrayList<>();
                v.get(0).forEach(n -> ranks.add(n.isNull() ? "" : n.asText()));
                String common = v.get(1).isNull() ? "" : v.get(1).asText();
                out.put(key, new Entry(Taxon.of(ranks), common));
            }
        }
        return out;
    }

    public Entry eolPage(long pageId) {
        return eol.get(Long.toString(pageId));
    }

    public Entry inat21Class(long clsNum) {
        return inat21.get(Long.toString(clsNum));
    }

    public Entry bioscan(String id) {
        return bioscan.get(id);
    }
}
