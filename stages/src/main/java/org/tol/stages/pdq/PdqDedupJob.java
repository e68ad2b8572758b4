package org.tol.stages.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tol.api.schema.Column;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * {@code tol pdq dedup}: near-duplicate clusters within one corpus. Writes {@code OUT/clusters.parquet}
 * (one row per hash in a cluster of two or more, or of low quality: uuid, representative_uuid,
 * cluster_size, pdq_quality, low_quality, keep), {@code OUT/exclude.parquet} (uuid, reason:
 * {@code near_duplicate} for every non-representative member, {@code low_quality} when low-quality hashes
 * are excluded) and {@code OUT/summary.json} last.
 */
public final class PdqDedupJob {
    public static final String CLUSTERS = "clusters.parquet";

    public record Summary(int hashes, int maxDistance, long pairs, int clusters, long duplicateClusters,
            long nearDuplicatesExcluded, long lowQuality, boolean lowQualityExcluded, int minQuality,
            double seconds, String output) {}

    private PdqDedupJob() {}

    public static Summary run(List<String> corpus, int maxDistance, int minQuality, boolean excludeLowQuality,
            Path out, int threads) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        PdqHashTable t = PdqHashTable.load(corpus, "corpus");
        PdqDedup.Result r = PdqDedup.run(t, maxDistance, minQuality, threads);
        Files.createDirectories(out);
        TreeMap<String, String> exclude = new TreeMap<>();
        long lowQuality = 0;
        long duplicateClusters = 0;
        try (ParquetRowWriter w = ParquetRowWriter.create(out.resolve(CLUSTERS), List.of(Column.string("uuid"),
                Column.string("representative_uuid"), Column.int32("cluster_size"), Column.int32(PdqColumns.QUALITY),
                Column.bool("low_quality"), Column.bool("keep")))) {
            for (int i = 0; i < t.size(); i++) {
                boolean inCluster = r.clusterSize()[i] > 1;
                boolean low = r.lowQuality()[i];
                lowQuality += low ? 1 : 0;
                if (inCluster && r.isRepresentative(i)) {
                    duplicateClusters++;
                }
                if (!inCluster && !low) {
                    continue;
                }
                boolean keep = r.isRepresentative(i) && !(low && excludeLowQuality);
                if (!r.isRepresentative(i)) {
                    exclude.put(t.uuid(i), "near_duplicate");
                } else if (low && excludeLowQuality) {
                    exclude.put(t.uuid(i), "low_quality");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("uuid", t.uuid(i));
                row.put("representative_uuid", t.uuid(r.representative()[i]));
                row.put("cluster_size", r.clusterSize()[i]);
                row.put(PdqColumns.QUALITY, t.quality(i) == PdqHashTable.UNKNOWN_QUALITY ? null : t.quality(i));
                row.put("low_quality", low);
                row.put("keep", keep);
                w.write(row);
            }
            w.commit();
        }
        try (ParquetRowWriter w = ParquetRowWriter.create(out.resolve(PdqMatchJob.EXCLUDE),
                List.of(Column.string("uuid"), Column.string("reason")))) {
            for (Map.Entry<String, String> e : exclude.entrySet()) {
                w.write(Map.of("uuid", e.getKey(), "reason", e.getValue()));
            }
            w.commit();
        }
        long nearDup = exclude.values().stream().filter("near_duplicate"::equals).count();
        Summary s = new Summary(t.size(), maxDistance, r.pairs(), r.clusters(), duplicateClusters, nearDup, lowQuality,
                excludeLowQuality, minQuality, (System.nanoTime() - t0) / 1e9, out.toString());
        Json.writeAtomically(out.resolve(PdqMatchJob.SUMMARY), s);
        return s;
    }
}
