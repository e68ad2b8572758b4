package org.tol.gbif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.gbif.dwca.ArchiveFile;
import org.tol.gbif.dwca.DwcaArchive;
import org.tol.gbif.dwca.DwcaReader;

/**
 * The reference's {@code load_dwca_data}: multimedia ⋈ occurrence on coreid == id (inner), in multimedia
 * order. Both files are streamed; only the occurrence fields the tools use are kept in memory (a hash table
 * keyed by id, about 200 bytes per occurrence), never the files themselves.
 */
public final class GbifImages {
    private static final Logger LOG = LoggerFactory.getLogger(GbifImages.class);

    /**
     * The joined rows and what was dropped on the way.
     *
     * @param malformed malformed records skipped in either file
     * @param malformedExamples where the first ones were
     * @param unmatched multimedia records whose coreid has no occurrence (the inner join drops them)
     */
    public record Loaded(List<GbifImage> images, long malformed, List<String> malformedExamples, long unmatched) {}

    private GbifImages() {}

    public static Loaded load(Path dwca) throws IOException {
        try (DwcaArchive archive = DwcaArchive.open(dwca)) {
            ArchiveFile occFile = archive.file("Occurrence", "occurrence.txt");
            ArchiveFile mediaFile = archive.file("Multimedia", "multimedia.txt");
            List<String> examples = new ArrayList<>();
            long malformed = 0;
            Map<String, String[]> occurrences = new HashMap<>();
            try (DwcaReader r = archive.reader(occFile)) {
                String idName = occFile.idName();
                for (DwcaReader.Record rec = r.next(); rec != null; rec = r.next()) {
                    String id = rec.get(idName);
                    if (id == null) {
                        continue;
                    }
                    String[] v = new String[GbifImage.OCCURRENCE_FIELDS.size()];
                    for (int i = 0; i < v.length; i++) {
                        String s = rec.get(GbifImage.OCCURRENCE_FIELDS.get(i));
                        v[i] = s == null ? null : dedupe(s, i);
                    }
                    occurrences.put(id, v);
                }
                malformed += r.malformed();
                examples.addAll(r.malformedExamples());
            }
            List<GbifImage> images = new ArrayList<>();
            Map<String, Integer> counts = new HashMap<>();
            long unmatched = 0;
            try (DwcaReader r = archive.reader(mediaFile)) {
                String coreName = mediaFile.idName();
                for (DwcaReader.Record rec = r.next(); rec != null; rec = r.next()) {
                    String coreid = rec.get(coreName);
                    String[] occ = coreid == null ? null : occurrences.get(coreid);
                    if (occ == null) {
                        unmatched++;
                        continue;
                    }
                    int count = counts.merge(coreid, 1, Integer::sum) - 1;
                    String[] v = new String[GbifImage.COLUMNS.size() - 1];
                    v[0] = coreid;
                    v[1] = rec.get("identifier");
                    v[2] = coreid;
                    System.arraycopy(occ, 0, v, 3, occ.length);
                    images.add(new GbifImage(v, count, rec.get("license"), rec.get("title")));
                }
                malformed += r.malformed();
                examples.addAll(r.malformedExamples());
            }
            if (malformed > 0) {
                LOG.warn("{}: {} malformed record(s) skipped, first: {}", dwca, malformed, examples);
            }
            if (unmatched > 0) {
                LOG.info("{}: {} multimedia record(s) have no occurrence and are dropped (inner join)", dwca, unmatched);
            }
            return new Loaded(images, malformed, examples, unmatched);
        }
    }

    /** Keys repeat across millions of rows (datasetKey, lifeStage): intern the short categorical ones. */
    private static String dedupe(String s, int field) {
        return field == 0 || field == 5 ? s.intern() : s;
    }
}
