package org.tol.stages.lookup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * Every preset against an independent Java computation of the reference's rule (Spark NULL semantics written
 * out by hand: a comparison with NULL is false, and so is its negation), the batching rule, the missing-path
 * report and byte-identical output.
 */
class LookupBuildTest {
    @TempDir static Path tmp;
    static PlantedAttributes planted;
    static Path attr;
    static Path idx;
    static Path multi;

    @BeforeAll
    static void plant() throws IOException {
        planted = new PlantedAttributes(614, 700);
        attr = tmp.resolve("attr/cols_of_interest.parquet");
        idx = tmp.resolve("index/lookup.parquet");
        multi = tmp.resolve("multi/source_id_with_multiple_uuids.parquet");
        planted.write(attr, idx, multi);
    }

    static boolean eq(Map<String, String> r, String col, String v) {
        return r.get(col) != null && r.get(col).equals(v);
    }

    static boolean ne(Map<String, String> r, String col, String v) {
        return r.get(col) != null && !r.get(col).equals(v);
    }

    static boolean in(Map<String, String> r, String col, List<String> vs) {
        return r.get(col) != null && vs.contains(r.get(col));
    }

    static boolean notIn(Map<String, String> r, String col, List<String> vs) {
        return r.get(col) != null && !vs.contains(r.get(col));
    }

    static boolean contains(Map<String, String> r, String col, String part) {
        return r.get(col) != null && r.get(col).contains(part);
    }

    static final List<String> MUSEUM = List.of("PRESERVED_SPECIMEN", "MATERIAL_SAMPLE", "FOSSIL_SPECIMEN",
            "LIVING_SPECIMEN", "MATERIAL_CITATION");
    static final List<String> TRAP_PUBLISHERS = List.of("Museums Victoria",
            "Ministerio del Ambiente, Agua y Transición Ecológica de Ecuador - MAATE",
            "Miljøstyrelsen / The Danish Environmental Protection Agency", "Burgoigee Creek Landcare Group",
            "Lomonosov Moscow State University");

    static boolean cameraTrap(Map<String, String> r) {
        return contains(r, "eventRemarks", "camera trap") || contains(r, "eventRemarks", "Trigger Sensitivity")
                || (eq(r, "basisOfRecord", "MACHINE_OBSERVATION") && in(r, "publisher", TRAP_PUBLISHERS));
    }

    /** The reference's predicates, written independently of LookupGroups. */
    static Predicate<Map<String, String>> rule(String group) {
        return switch (group) {
            case "multi_occ_museum_specimen", "museum_specimen_all" -> r -> in(r, "basisOfRecord", MUSEUM);
            case "multi_occ_camera_trap" -> LookupBuildTest::cameraTrap;
            case "camera_trap_below_15" -> r -> cameraTrap(r)
                    && ne(r, "publisher", "National Museum of Nature and Science, Japan");
            case "citizen_science" -> r -> true;
            case "citizen_science_fish" -> r -> eq(r, "phylum", "Chordata")
                    && in(r, "order", ReferenceFishOrders.ORDERS);
            case "questagame_birds" -> r -> eq(r, "taxonRemarks", "Birds") && ne(r, "phylum", "Chordata")
                    && eq(r, "publisher", "Questagame");
            case "questagame_plants_that_flowers" -> r -> eq(r, "taxonRemarks", "Plants that flower")
                    && notIn(r, "kingdom", List.of("Plantae", "incertae sedis")) && eq(r, "publisher", "Questagame");
            case "questagame_butterflies_moths" -> r -> eq(r, "taxonRemarks", "Insects - Butterflies and Moths")
                    && ne(r, "kingdom", "incertae sedis") && ne(r, "phylum", "Arthropoda")
                    && eq(r, "publisher", "Questagame");
            case "yale_plants" -> r -> eq(r, "taxonRemarks", "Animals and Plants: Plants")
                    && notIn(r, "kingdom", List.of("Plantae", "incertae sedis"))
                    && eq(r, "publisher", "Yale University Peabody Museum");
            default -> throw new IllegalArgumentException(group);
        };
    }

    static final Map<String, Double> YALE = Map.of("Chromista", 0.05, "Bacteria", 0.1, "Fungi", 0.05,
            "Animalia", 1.0, "Protozoa", 1.0);

    static boolean yaleKeeps(Map<String, String> r, long seed) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest((seed + ":" + r.get("uuid")).getBytes(StandardCharsets.UTF_8));
        long top = new BigInteger(1, java.util.Arrays.copyOf(md5, 4)).longValue();
        return top < YALE.getOrDefault(r.get("kingdom"), 0.0) * 4294967296.0;
    }

    /** Expected output rows (each "path|col=value|...") of a preset, computed with streams. */
    static List<String> expected(LookupGroup g, long seed) throws Exception {
        Predicate<Map<String, String>> p = rule(g.name());
        Set<String> multiIds = new HashSet<>(planted.multiSourceIds);
        Map<String, List<Map<String, String>>> byUuid = byUuid();
        List<Map<String, String>> joined = new ArrayList<>();
        for (Map<String, String> a : planted.attributes) {
            if (!p.test(a) || (g.multiImages() && (a.get("source_id") == null || !multiIds.contains(a.get("source_id"))))) {
                continue;
            }
            for (Map<String, String> i : byUuid.getOrDefault(a.get("uuid"), List.of())) {
                if (i.get("path") != null) {
                    Map<String, String> row = new HashMap<>(a);
                    row.put("path", i.get("path"));
                    if (g.name().equals("yale_plants") && !yaleKeeps(a, seed)) {
                        continue;
                    }
                    joined.add(row);
                }
            }
        }
        if (g.name().equals("camera_trap_below_15")) {
            Map<String, Long> counts = joined.stream().filter(r -> r.get("source_id") != null)
                    .collect(Collectors.groupingBy(r -> r.get("source_id"), Collectors.counting()));
            joined.removeIf(r -> r.get("source_id") == null || counts.get(r.get("source_id")) > 15);
        }
        return joined.stream().map(r -> render(r, g.columns())).sorted().toList();
    }

    static Map<String, List<Map<String, String>>> byUuid() {
        return planted.index.stream().collect(Collectors.groupingBy(i -> i.get("uuid")));
    }

    static String render(Map<String, String> r, List<String> cols) {
        StringBuilder b = new StringBuilder(String.valueOf(r.get("path")));
        for (String c : cols) {
            b.append('|').append(c).append('=').append(r.get(c));
        }
        return b.toString();
    }

    static LookupBuilder.Options options(LookupGroup g, int n) {
        return new LookupBuilder.Options(List.of(attr.toString()), List.of(idx.toString()), List.of(multi.toString()),
                List.of(attr.toString()), g, n, 614, "1GB", 2);
    }

    static LookupBuilder.Result build(LookupGroup g, int n, Path out) throws IOException {
        return new LookupBuilder(options(g, n)).build(Files.createDirectories(out.resolve(".tmp")), rel -> {
            Path f = out.resolve(rel);
            Files.createDirectories(f.getParent());
            return f;
        });
    }

    /** group_id -> rows rendered like {@link #render}, read back from OUT/group_id=k/*.parquet. */
    static Map<Long, List<String>> readBack(Path out, List<String> cols) throws IOException {
        Map<Long, List<String>> byGroup = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith("group_id=")).toList()) {
                long k = Long.parseLong(d.getFileName().toString().substring("group_id=".length()));
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : files.sorted().toList()) {
                        List<String> names = new ArrayList<>(List.of("path"));
                        names.addAll(cols);
                        try (ParquetRows rows = ParquetRows.open(f, names)) {
                            List<String> inFile = new ArrayList<>(names);
                            inFile.add("group_id"); // added by the reader from the directory name, as Spark does
                            assertEquals(inFile, rows.columns().stream().map(c -> c.name()).toList(),
                                    "columns: path, then the group's, in order; group_id only in the directory name");
                            for (Row r = rows.next(); r != null; r = rows.next()) {
                                Map<String, String> m = new HashMap<>();
                                for (String c : names) {
                                    m.put(c, r.string(c));
                                }
                                byGroup.computeIfAbsent(k, x -> new ArrayList<>()).add(render(m, cols));
                            }
                        }
                    }
                }
            }
        }
        return byGroup;
    }

    @Test
    void everyPresetSelectsExactlyItsRuleWithBatchesOfAtMostNFiles() throws Exception {
        for (LookupGroup g : LookupGroups.presets()) {
            int n = 4;
            Path out = tmp.resolve("out-" + g.name());
            LookupBuilder.Result result = build(g, n, out);
            List<String> want = expected(g, 614);
            Map<Long, List<String>> got = readBack(out, g.columns());
            List<String> all = got.values().stream().flatMap(List::stream).sorted().toList();
            assertEquals(want, all, g.name());
            assertTrue(want.size() > 0, g.name() + " selects something in the planted table");
            assertEquals(want.size(), result.rows(), g.name());
            // Batches: sorted distinct paths, group_id = floor((rank-1)/N).
            List<String> paths = new ArrayList<>(new TreeSet<>(want.stream().map(s -> s.substring(0, s.indexOf('|'))).toList()));
            for (Map.Entry<Long, List<String>> e : got.entrySet()) {
                Set<String> inBatch = e.getValue().stream().map(s -> s.substring(0, s.indexOf('|'))).collect(Collectors.toSet());
                assertTrue(inBatch.size() <= n, g.name() + " batch " + e.getKey() + " touches " + inBatch.size() + " files");
                for (String path : inBatch) {
                    assertEquals(paths.indexOf(path) / n, e.getKey().intValue(), g.name() + " " + path);
                }
            }
        }
    }

    @Test
    void samplingCaseAndNullsAreNotVacuous() throws Exception {
        // The planted table must exercise the traps the rules guard against.
        List<Map<String, String>> yale = planted.attributes.stream().filter(rule("yale_plants")).toList();
        assertTrue(yale.stream().anyMatch(r -> "Chromista".equals(r.get("kingdom"))), "a sampled kingdom");
        long lowerCasePublisher = planted.attributes.stream().filter(r -> "questagame".equals(r.get("publisher"))
                && "Birds".equals(r.get("taxonRemarks"))).count();
        assertTrue(lowerCasePublisher > 0, "case variants planted");
        assertTrue(planted.attributes.stream().anyMatch(r -> r.get("phylum") == null && "Birds".equals(r.get("taxonRemarks"))
                && "Questagame".equals(r.get("publisher"))), "a NULL phylum that != 'Chordata' must not select");
    }

    @Test
    void missingPathsAreReportedAndOutputIsByteIdentical() throws Exception {
        LookupGroup g = LookupGroups.preset("museum_specimen_all");
        Path a = tmp.resolve("same-a");
        Path b = tmp.resolve("same-b");
        LookupBuilder.Result ra = build(g, 3, a);
        build(g, 3, b);
        Set<String> withPath = planted.index.stream().filter(i -> i.get("path") != null).map(i -> i.get("uuid"))
                .collect(Collectors.toSet());
        long missing = planted.attributes.stream().filter(rule(g.name())).filter(r -> !withPath.contains(r.get("uuid"))).count();
        assertTrue(missing > 0);
        assertEquals(missing, ra.missing());
        try (ParquetRows rows = ParquetRows.open(a.resolve("_missing_from_index.parquet"), List.of("uuid"))) {
            assertEquals(missing, rows.rowCount());
        }
        try (Stream<Path> files = Files.walk(a)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
            }
        }
    }

    @Test
    void whereTakesSqlOverAttributeColumns() throws Exception {
        LookupGroup g = LookupGroup.where("\"kingdom\" = 'Fungi' AND \"class\" IS NULL");
        Path out = tmp.resolve("where");
        build(g, 100, out);
        Set<String> withPath = planted.index.stream().filter(i -> i.get("path") != null).map(i -> i.get("uuid"))
                .collect(Collectors.toSet());
        long want = planted.attributes.stream().filter(r -> eq(r, "kingdom", "Fungi") && r.get("class") == null)
                .mapToLong(r -> planted.index.stream().filter(i -> i.get("path") != null
                        && i.get("uuid").equals(r.get("uuid"))).count()).sum();
        Map<Long, List<String>> got = readBack(out, List.of("uuid", "kingdom", "class"));
        assertEquals(want, got.values().stream().mapToLong(List::size).sum());
        assertTrue(want > 0 && Objects.nonNull(withPath));
        assertEquals(Set.of(0L), got.keySet(), "23 files fit one batch of 100");
    }
}
