package org.tol.stages.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ImageColumns;

/** The TreeOfLife-200M row schema (reference §1.0) and the taxonomy side table, as written by the sampler. */
final class SampleSchema {
    static final List<Column> COLUMNS = ImageColumns.SCHEMA;

    static final List<Column> TAXONOMY_COLUMNS = List.of(
            Column.string("uuid"), Column.string("source_id"), Column.string("basisOfRecord"),
            Column.string("publisher"), Column.string("kingdom"), Column.string("phylum"), Column.string("class"),
            Column.string("order"), Column.string("family"), Column.string("genus"), Column.string("species"),
            Column.string("taxonRemarks"), Column.string("taxonomicStatus"), Column.string("issue"),
            Column.string("eventRemarks"), Column.string("datasetKey"));

    private SampleSchema() {}

    static Map<String, Object> row(Random rnd, String uuid, String source, String server, long[] original,
            long[] resized, byte[] image, String md5Original, String md5Resized) {
        Map<String, Object> r = new LinkedHashMap<>();
        String sourceId = Long.toString(1_000_000_000L + (rnd.nextLong() & 0x3FFFFFFFL));
        r.put(ImageColumns.UUID, uuid);
        r.put(ImageColumns.SOURCE_ID, sourceId);
        r.put(ImageColumns.IDENTIFIER, "https://" + server + "/photos/" + sourceId + "/original.jpg");
        r.put(ImageColumns.IS_LICENSE_FULL, rnd.nextInt(10) != 0);
        r.put(ImageColumns.LICENSE, SampleMetadata.pick(rnd, SampleMetadata.LICENSES));
        r.put(ImageColumns.SOURCE, source);
        r.put(ImageColumns.TITLE, "Synthetic sample " + uuid.substring(0, 8));
        r.put(ImageColumns.HASHSUM_ORIGINAL, md5Original);
        r.put(ImageColumns.HASHSUM_RESIZED, md5Resized);
        r.put(ImageColumns.ORIGINAL_SIZE, List.of(original[0], original[1]));
        r.put(ImageColumns.RESIZED_SIZE, List.of(resized[0], resized[1]));
        r.put(ImageColumns.IMAGE, image);
        r.put(ImageColumns.SERVER, server);
        return r;
    }

    static Map<String, Object> taxonomyRow(Random rnd, String uuid, String sourceId) {
        String[] taxon = SampleMetadata.TAXA.get(rnd.nextInt(SampleMetadata.TAXA.size()));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", uuid);
        r.put("source_id", sourceId);
        r.put("basisOfRecord", SampleMetadata.pick(rnd, SampleMetadata.BASIS));
        r.put("publisher", SampleMetadata.pick(rnd, SampleMetadata.PUBLISHERS));
        String[] ranks = {"kingdom", "phylum", "class", "order", "family", "genus", "species"};
        for (int i = 0; i < ranks.length; i++) {
            r.put(ranks[i], taxon[i]);
        }
        // The GBIF columns the lookup groups test, drawn from their own generator so that adding them left the
        // rest of the sample (images, metadata) byte-for-byte as before.
        Random own = new Random(uuid.hashCode());
        r.put("taxonRemarks", SampleMetadata.pick(own, SampleMetadata.TAXON_REMARKS));
        r.put("taxonomicStatus", own.nextInt(5) == 0 ? "SYNONYM" : "ACCEPTED");
        r.put("issue", own.nextInt(4) == 0 ? "TAXON_MATCH_FUZZY" : null);
        r.put("eventRemarks", SampleMetadata.pick(own, SampleMetadata.EVENT_REMARKS));
        r.put("datasetKey", "50c9509d-22c7-4a22-a47d-8c48425ef4a" + own.nextInt(8));
        return r;
    }
}
