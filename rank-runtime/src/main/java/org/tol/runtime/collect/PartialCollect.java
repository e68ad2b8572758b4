package org.tol.runtime.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tol.io.json.Json;

/**
 * Whether a collected {@code predictions.parquet} is partial: {@code tol collect} marks its summary.json
 * {@code "partial": true} when planned units are missing (an unfinished run, or {@code --allow-partial}).
 * Every reader of collected output asks this and warns, so a partial result is never taken for the whole.
 */
public final class PartialCollect {
    private PartialCollect() {}

    /** A one-line warning when {@code summaryFile} says partial; empty when complete or when there is no summary. */
    @SuppressWarnings("unchecked")
    public static Optional<String> warning(Path summaryFile) {
        if (!Files.isRegularFile(summaryFile)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> s = Json.mapper().readValue(summaryFile.toFile(), Map.class);
            if (!Boolean.TRUE.equals(s.get("partial"))) {
                return Optional.empty();
            }
            return Optional.of("the collected predictions next to " + summaryFile + " are PARTIAL: " + s.get("units_missing")
                    + " of " + s.get("units_total") + " units missing (see missing_units there); finish the run, then"
                    + " rerun tol collect");
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
