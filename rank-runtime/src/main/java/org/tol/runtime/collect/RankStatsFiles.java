package org.tol.runtime.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.checkpoint.OutLayout;
import org.tol.io.json.Json;

/** Reads every {@code stats/rank{R}.json} in OUT (ranks of earlier runs included). */
public final class RankStatsFiles {
    private RankStatsFiles() {}

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(OutLayout out) throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int r : out.ranksPresent()) {
            if (Files.exists(out.stats(r))) {
                try {
                    all.add(Json.mapper().readValue(out.stats(r).toFile(), Map.class));
                } catch (IOException e) {
                    // a stats file is rewritten atomically, so this is a foreign or damaged file: skip it
                }
            }
        }
        return all;
    }
}
