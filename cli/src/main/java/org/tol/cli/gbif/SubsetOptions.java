package org.tol.cli.gbif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tol.api.TolException;
import org.tol.gbif.fetch.Selection;
import org.tol.io.json.Json;
import picocli.CommandLine.Option;

/** {@code --subset-list} and {@code --subset-key}, shared by fetch and verify as in the reference. */
public final class SubsetOptions {
    @Option(names = "--subset-list", paramLabel = "JSON",
            description = "JSON file with a list of keys: only images whose --subset-key is listed are used.")
    Path subsetList;

    @Option(names = "--subset-key", defaultValue = "acceptedTaxonKey", paramLabel = "FIELD",
            description = "DwC-A field the subset list (and fetch's per-category cap) refers to (default: ${DEFAULT-VALUE}).")
    String subsetKey;

    /** The listed keys, or null without --subset-list. */
    Set<String> keys() throws IOException {
        if (subsetList == null) {
            return null;
        }
        Object v;
        try {
            v = Json.mapper().readValue(subsetList.toFile(), Object.class);
        } catch (IOException e) {
            throw new TolException("--subset-list " + subsetList + ": not a readable JSON file: " + e.getMessage(),
                    "give a JSON list of keys, e.g. [1234, 5678]");
        }
        if (!(v instanceof List<?> list)) {
            throw new TolException("--subset-list " + subsetList + " is not a JSON list", "e.g. [1234, 5678]");
        }
        return Selection.subsetKeys(list);
    }
}
