package org.tol.stages.wds;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.wds.ShardWriter;

/**
 * Everything {@code tol wds build} needs besides the runtime options.
 *
 * @param taxa       side tables with uuid + taxonomy columns for rows that lack them (empty: rows carry them)
 * @param split      train | val | train_small, or null for all rows
 * @param splitsDb   mapping.sqlite with the split table (required with split)
 * @param rareSpecies directory with the Rare Species blacklists, or null
 * @param threads    image threads per rank
 */
public record WdsBuildOptions(List<String> inputs, List<String> taxa, WdsImageOptions image,
        ShardWriter.Options shards, String split, Path splitsDb, Path rareSpecies, int threads) {

    /** Output-changing parameters: a rerun into the same OUT with other values is refused. */
    public Map<String, String> fingerprint() {
        Map<String, String> f = new LinkedHashMap<>(image.fingerprint());
        f.put("shard_max_count", Long.toString(shards.maxCount()));
        f.put("shard_max_size", Long.toString(shards.maxSize()));
        f.put("split", split == null ? "" : split);
        f.put("splits", splitsDb == null ? "" : splitsDb.toAbsolutePath().toString());
        f.put("rare_species", rareSpecies == null ? "" : rareSpecies.toAbsolutePath().toString());
        f.put("taxa", String.join(",", taxa));
        return f;
    }
}
