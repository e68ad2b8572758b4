package org.tol.stages.lookup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * A planted attributes table that hits every branch of every preset: NULLs in each compared column, case
 * variants ("questagame", "plantae", "Camera Trap"), near-miss publishers (a leading space), fish orders in and
 * out of the list, source_ids with 1..20 images; and an index over 23 data files where some uuids are missing,
 * some have a NULL path and one appears in two files.
 */
final class PlantedAttributes {
    static final List<String> COLUMNS = List.of("uuid", "source_id", "basisOfRecord", "publisher", "taxonRemarks",
            "taxonomicStatus", "issue", "eventRemarks", "datasetKey", "kingdom", "phylum", "class", "order", "family",
            "genus", "species");

    private static final String[][] POOLS = {
        /* basisOfRecord */ {null, "PRESERVED_SPECIMEN", "MATERIAL_SAMPLE", "FOSSIL_SPECIMEN", "LIVING_SPECIMEN",
            "MATERIAL_CITATION", "preserved_specimen", "HUMAN_OBSERVATION", "MACHINE_OBSERVATION", "MACHINE_OBSERVATION"},
        /* publisher */ {null, "Questagame", "questagame", "Yale University Peabody Museum", "Museums Victoria",
            " Museums Victoria", "Miljøstyrelsen / The Danish Environmental Protection Agency",
            "Ministerio del Ambiente, Agua y Transición Ecológica de Ecuador - MAATE", "Burgoigee Creek Landcare Group",
            "Lomonosov Moscow State University", "National Museum of Nature and Science, Japan", "iNaturalist.org"},
        /* taxonRemarks */ {null, "Birds", "birds", "Plants that flower", "Insects - Butterflies and Moths",
            "Animals and Plants: Plants", "Animals and Plants: Animals"},
        /* taxonomicStatus */ {null, "ACCEPTED", "SYNONYM"},
        /* issue */ {null, "TAXON_MATCH_FUZZY", "TAXON_MATCH_NONE;COORDINATE_ROUNDED"},
        /* eventRemarks */ {null, "camera trap", "a camera trap image", "Camera Trap", "Trigger Sensitivity: High",
            "trigger sensitivity", "sunny"},
        /* datasetKey */ {null, "d1", "d2"},
        /* kingdom */ {null, "Plantae", "plantae", "incertae sedis", "Animalia", "Fungi", "Chromista", "Bacteria",
            "Protozoa", "Archaea"},
        /* phylum */ {null, "Chordata", "chordata", "Arthropoda", "Mollusca", "Magnoliopsida", "Ochrophyta",
            "Mycetozoa", "Proteobacteria", "Tracheophyta", "Cnidaria"},
        /* class */ {null, "Insecta", "Aves", "Mammalia", "Amphibia", "Reptilia", "Actinopterygii", "Gastropoda"},
        /* order */ {null, "Perciformes", "perciformes", "Gadiformes", "Lepidosireniformes", "Passeriformes",
            "Lepidoptera", "Myxiniformes"},
        /* family */ {null, "F1", "F2"},
        /* genus */ {null, "G1", "G2"},
        /* species */ {null, "S1", "S2"},
    };

    final List<Map<String, String>> attributes = new ArrayList<>();
    final List<Map<String, String>> index = new ArrayList<>();
    final List<String> multiSourceIds = new ArrayList<>();

    PlantedAttributes(long seed, int occurrences) {
        Random rnd = new Random(seed);
        int u = 0;
        for (int occ = 0; occ < occurrences; occ++) {
            String sourceId = occ % 17 == 0 ? null : "occ" + occ;
            int images = occ % 9 == 0 ? 16 + rnd.nextInt(5) : 1 + rnd.nextInt(3);
            String[] shared = new String[POOLS.length];
            for (int c = 0; c < POOLS.length; c++) {
                shared[c] = POOLS[c][rnd.nextInt(POOLS[c].length)];
            }
            if (occ % 3 == 1) {
                // A preset's publisher with one of its remarks, so every preset (and its near misses) is hit.
                shared[1] = occ % 2 == 0 ? "Yale University Peabody Museum" : "Questagame";
                shared[2] = occ % 2 == 0 ? "Animals and Plants: Plants" : POOLS[2][rnd.nextInt(POOLS[2].length)];
            }
            for (int i = 0; i < images; i++) {
                Map<String, String> row = new HashMap<>();
                String uuid = String.format("u%05d", u++);
                row.put("uuid", uuid);
                row.put("source_id", sourceId);
                for (int c = 0; c < POOLS.length; c++) {
                    row.put(COLUMNS.get(c + 2), shared[c]);
                }
                attributes.add(row);
                int r = rnd.nextInt(20);
                if (r == 0) {
                    continue; // missing from the index
                }
                index.add(indexRow(uuid, r == 1 ? null : "/data/file_" + String.format("%02d", rnd.nextInt(23)) + ".parquet"));
                if (r == 2) {
                    index.add(indexRow(uuid, "/data/file_" + String.format("%02d", rnd.nextInt(23)) + ".parquet"));
                }
            }
            if (images > 1 && sourceId != null) {
                multiSourceIds.add(sourceId);
            }
        }
    }

    private static Map<String, String> indexRow(String uuid, String path) {
        Map<String, String> m = new HashMap<>();
        m.put("uuid", uuid);
        m.put("path", path);
        return m;
    }

    void write(Path attr, Path idx, Path multi) throws IOException {
        writeRows(attr, COLUMNS, attributes);
        writeRows(idx, List.of("uuid", "path"), index);
        List<Map<String, String>> m = new ArrayList<>();
        for (String s : multiSourceIds) {
            m.add(Map.of("source_id", s));
        }
        writeRows(multi, List.of("source_id"), m);
    }

    static void writeRows(Path file, List<String> columns, List<Map<String, String>> rows) throws IOException {
        try (ParquetRowWriter w = ParquetRowWriter.create(file, columns.stream().map(Column::string).toList())) {
            for (Map<String, String> r : rows) {
                w.write(r);
            }
            w.commit();
        }
    }
}
