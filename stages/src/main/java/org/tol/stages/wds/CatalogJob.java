package org.tol.stages.wds;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.tol.api.TolException;
import org.tol.io.fs.AtomicFiles;
import org.tol.wds.ShardReader;
import org.tol.wds.taxon.Taxon;
import org.tol.wds.taxon.TaxonText;

/**
 * {@code tol wds catalog}: {@code make_catalog_reproduce.py}. Every split directory under DIR (its name is the
 * split) contributes one row per sample key of its {@code *.tar} shards: the key's source ids from
 * mapping.sqlite, the taxon and common name from the name lookups (or, without them, from the sample's own
 * {@code taxonTag.txt} / {@code common_name.txt}), common falling back as {@code get_common} does. Splits and
 * shards are read in sorted order, so the file is the same on every run.
 */
public final class CatalogJob {
    public static final List<String> HEADER = List.of("split", "treeoflife_id", "eol_content_id", "eol_page_id",
            "bioscan_part", "bioscan_filename", "inat21_filename", "inat21_cls_name", "inat21_cls_num", "kingdom",
            "phylum", "class", "order", "family", "genus", "species", "common");

    public record Summary(Path catalog, long rows, Map<String, Long> rowsBySplit, long notInDb, long noName,
            long duplicateKeys, List<String> unreadableShards) {}

    private record Key(String key, String tag, String common) {}

    private CatalogJob() {}

    public static Summary run(Path dir, MappingDb db, NameLookups names, int threads) throws IOException {
        List<Path> splits = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).sorted().forEach(splits::add);
        }
        Map<String, Long> bySplit = new TreeMap<>();
        long[] counts = new long[3]; // not in db, no name, duplicates
        List<String> unreadable = new ArrayList<>();
        Path out = dir.resolve("catalog.csv");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            // Streamed into the temp file: a 10M-row catalog does not fit in a String.
            AtomicFiles.write(out, o -> {
                o.write(PyCsv.row(HEADER).getBytes(StandardCharsets.UTF_8));
                for (Path split : splits) {
                    writeSplit(split, o, pool, db, names, counts, unreadable, bySplit);
                }
            });
        } finally {
            pool.shutdownNow();
        }
        if (bySplit.isEmpty()) {
            Files.deleteIfExists(out);
            throw new TolException("no split directories with .tar shards under " + dir,
                    "DIR must hold one directory per split (val, train, ...) with the shards in it");
        }
        long total = bySplit.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(out, total, bySplit, counts[0], counts[1], counts[2], List.copyOf(unreadable));
    }

    private static void writeSplit(Path split, OutputStream o, ExecutorService pool, MappingDb db,
            NameLookups names, long[] counts, List<String> unreadable, Map<String, Long> bySplit) throws IOException {
        List<Path> shards;
        try (Stream<Path> s = Files.list(split)) {
            shards = s.filter(f -> f.getFileName().toString().endsWith(".tar")).sorted().toList();
        }
        if (shards.isEmpty()) {
            return; // as the reference: a directory without shards is not a split
        }
        String name = split.getFileName().toString();
        List<Future<List<Key>>> fs = new ArrayList<>();
        for (Path shard : shards) {
            fs.add(pool.submit(() -> keys(shard, unreadable)));
        }
        Set<String> seen = new HashSet<>();
        long rows = 0;
        for (Future<List<Key>> f : fs) {
            List<Key> keys;
            try {
                keys = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
            for (Key k : keys) {
                if (!seen.add(k.key())) {
                    counts[2]++;
                    continue;
                }
                o.write(row(name, k, db, names, counts).getBytes(StandardCharsets.UTF_8));
                rows++;
            }
        }
        bySplit.put(name, rows);
    }

    private static String row(String split, Key k, MappingDb db, NameLookups names, long[] counts) {
        MappingDb.Source src = db.get(k.key());
        if (src == null) {
            counts[0]++;
            src = MappingDb.Source.NONE;
        }
        NameLookups.Entry e = null;
        if (names != null) {
            if (src.eolPageId() != null) {
                e = names.eolPage(src.eolPageId());
            } else if (src.bioscanFilename() != null) {
                e = names.bioscan(k.key());
            } else if (src.inat21ClsNum() != null) {
                e = names.inat21Class(src.inat21ClsNum());
            }
        }
        if (e == null) {
            if (names != null) {
                counts[1]++;
            }
            e = new NameLookups.Entry(fromTag(k.tag()), k.common() == null ? "" : k.common());
        }
        List<Object> cells = new ArrayList<>(Arrays.asList(split, k.key(), src.eolContentId(), src.eolPageId(),
                src.bioscanPart(), src.bioscanFilename(), src.inat21Filename(), src.inat21ClsName(),
                src.inat21ClsNum()));
        cells.addAll(e.taxon().toTuple());
        cells.add(TaxonText.common(e.taxon(), e.common()));
        return PyCsv.row(cells);
    }

    /** Keys of one shard with their taxonTag and common_name texts; a broken shard yields what was readable. */
    private static List<Key> keys(Path shard, List<String> unreadable) {
        List<Key> out = new ArrayList<>();
        try (ShardReader r = new ShardReader(shard)) {
            for (ShardReader.Group g = r.next(); g != null; g = r.next()) {
                if (g.key() == null) {
                    continue;
                }
                Map<String, byte[]> m = g.asMap();
                out.add(new Key(g.key(), text(m.get("taxontag.txt")), text(m.get("common_name.txt"))));
            }
        } catch (IOException e) {
            synchronized (unreadable) {
                unreadable.add(shard + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** Parses "a photo of kingdom Animalia phylum Chordata ... species hudsonia." back into a taxon. */
    static Taxon fromTag(String tag) {
        String[] ranks = new String[7];
        Arrays.fill(ranks, "");
        if (tag == null) {
            return Taxon.of(Arrays.asList(ranks));
        }
        String t = tag.startsWith("a photo of ") ? tag.substring("a photo of ".length()) : tag;
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        int current = -1;
        for (String word : t.split(" ")) {
            int tier = Taxon.TIERS.indexOf(word);
            if (tier > current) {
                current = tier;
                continue;
            }
            if (current >= 0) {
                ranks[current] = ranks[current].isEmpty() ? word : ranks[current] + " " + word;
            }
        }
        return Taxon.of(Arrays.asList(ranks));
    }
}
