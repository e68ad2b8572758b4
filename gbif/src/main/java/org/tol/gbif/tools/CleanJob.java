package org.tol.gbif.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.gbif.GbifImage;
import org.tol.gbif.table.CsvTable;

/**
 * The reference's {@code clean-dataset}: verified [image_path, width, height, fetch_date] ⋈ DwC-A rows on
 * image_path (verified order), left-joined with life-stage predictions, then, in this order: (1) drop every
 * row whose identifier URL occurs more than once (none kept); (2) drop listed datasetKeys; (3) drop width or
 * height below the thumbnail size (a missing size is kept); (4) keep lifeStage Adult/Imago or
 * life_stage_prediction Adult. Writes {@code <verified csv without .csv>_clean.csv}. When the predictions CSV
 * lists an image more than once (the reference's predict-lifestage appended across runs), the last row wins
 * instead of multiplying the image.
 */
public final class CleanJob {
    public static final String PREDICTION = "life_stage_prediction";
    public static final String DEFAULT_IGNORED = "f3130a8a-4508-42b4-9737-fbda77748438,"
            + "4bfac3ea-8763-4f4b-a71a-76a6f5f243d3,7e380070-f762-11e1-a439-00145eb45e9a";

    /** The options, with the reference's defaults in the CLI. */
    public record Options(boolean removeDuplicateUrl, String ignoreDatasetKeys, boolean removeThumbnails,
            int thumbSize, boolean removeNonAdults) {}

    public record Summary(int verified, int duplicateUrl, int ignoredDataset, int thumbnails, int nonAdult,
            int noLifeStage, int kept, String output) {}

    private CleanJob() {}

    public static Path outputFor(Path verifiedCsv) {
        String n = verifiedCsv.getFileName().toString();
        String stem = n.endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return verifiedCsv.resolveSibling(stem + "_clean.csv");
    }

    public static Summary run(List<GbifImage> images, Path verifiedCsv, Path predictionsCsv, Options o)
            throws IOException {
        Map<String, GbifImage> byPath = new HashMap<>();
        for (GbifImage g : images) {
            if (g.datasetKey() != null) {
                byPath.put(g.imagePath(), g);
            }
        }
        CsvTable v = CsvTable.read(verifiedCsv);
        int[] vc = {v.column("image_path", verifiedCsv), v.column("width", verifiedCsv),
            v.column("height", verifiedCsv), v.column("fetch_date", verifiedCsv)};
        List<String> predColumns = List.of(PREDICTION);
        Map<String, String[]> preds = new HashMap<>();
        if (predictionsCsv != null) {
            CsvTable p = CsvTable.read(predictionsCsv);
            int pi = p.column("image_path", predictionsCsv);
            p.column(PREDICTION, predictionsCsv);
            predColumns = new ArrayList<>(p.header());
            predColumns.remove(pi);
            for (String[] r : p.rows()) {
                String[] rest = new String[predColumns.size()];
                for (int i = 0, j = 0; i < r.length; i++) {
                    if (i != pi) {
                        rest[j++] = r[i];
                    }
                }
                preds.put(r[pi], rest);
            }
        }
        List<String> header = new ArrayList<>(List.of("image_path", "width", "height", "fetch_date"));
        header.addAll(GbifImage.COLUMNS);
        header.addAll(predColumns);
        int wCol = 1;
        int hCol = 2;
        int urlCol = 4 + GbifImage.COLUMNS.indexOf("identifier");
        int dsCol = 4 + GbifImage.COLUMNS.indexOf("datasetKey");
        int lsCol = 4 + GbifImage.COLUMNS.indexOf("lifeStage");
        int predCol = header.indexOf(PREDICTION);
        List<String[]> rows = new ArrayList<>();
        for (String[] r : v.rows()) {
            GbifImage g = byPath.get(r[vc[0]]);
            if (g == null) {
                continue;
            }
            String[] out = new String[header.size()];
            for (int i = 0; i < 4; i++) {
                out[i] = r[vc[i]];
            }
            String[] base = g.row();
            System.arraycopy(base, 0, out, 4, base.length);
            String[] p = preds.get(r[vc[0]]);
            if (p != null) {
                System.arraycopy(p, 0, out, 4 + base.length, p.length);
            }
            rows.add(out);
        }
        int verified = rows.size();
        int dup = 0;
        if (o.removeDuplicateUrl()) {
            Map<String, Integer> n = new HashMap<>();
            for (String[] r : rows) {
                n.merge(String.valueOf(r[urlCol]), 1, Integer::sum);
            }
            dup = rows.size();
            rows.removeIf(r -> n.get(String.valueOf(r[urlCol])) > 1);
            dup -= rows.size();
        }
        int ignored = 0;
        if (o.ignoreDatasetKeys() != null && !o.ignoreDatasetKeys().isBlank()) {
            Set<String> keys = Set.copyOf(Arrays.asList(o.ignoreDatasetKeys().split(",")));
            ignored = rows.size();
            rows.removeIf(r -> r[dsCol] != null && keys.contains(r[dsCol]));
            ignored -= rows.size();
        }
        int thumbs = 0;
        if (o.removeThumbnails()) {
            thumbs = rows.size();
            rows.removeIf(r -> below(r[wCol], o.thumbSize()) || below(r[hCol], o.thumbSize()));
            thumbs -= rows.size();
        }
        int nonAdult = 0;
        int noStage = 0;
        if (o.removeNonAdults()) {
            for (String[] r : rows) {
                noStage += r[lsCol] == null ? 1 : 0;
            }
            nonAdult = rows.size();
            rows.removeIf(r -> !("Adult".equals(r[lsCol]) || "Imago".equals(r[lsCol])
                    || (predCol >= 0 && "Adult".equals(r[predCol]))));
            nonAdult -= rows.size();
        }
        Path out = outputFor(verifiedCsv);
        CsvTable.write(out, header, rows);
        return new Summary(verified, dup, ignored, thumbs, nonAdult, noStage, rows.size(), out.toString());
    }

    /** pandas' {@code x < thumb}: false for a missing or unreadable value (NaN compares false). */
    private static boolean below(String v, int thumb) {
        if (v == null) {
            return false;
        }
        try {
            return Double.parseDouble(v) < thumb;
        } catch (NumberFormatException e) {
            return false;
        }
    }

}
