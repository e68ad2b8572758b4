package org.tol.stages.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.testing.StageRuns;

class CategorizeStageTest {
    @TempDir Path tmp;

    /** kingdom, phylum, class, order → the category the reference's when-chain gives (first match wins). */
    static final String[][] CASES = {
        {"Plantae", "Chordata", "Insecta", "Perciformes", "Plant"},             // rule 1 before 3, 5
        {null, "Ochrophyta", null, null, "Plant"},                              // phylum list
        {"plantae", null, null, null, "Uncategorized"},                         // case-sensitive
        {"Fungi", "Chordata", "Aves", null, "Fungi"},                           // rule 2 before 8
        {"Animalia", "Sordariomycetes", "Insecta", null, "Fungi"},              // fungi phylum before insect
        {"Animalia", "Arthropoda", "Insecta", "Lepidoptera", "Insect"},         // rule 3 before 4
        {"Animalia", "Chordata", "Insecta", null, "Insect"},                    // class alone decides
        {"Animalia", "Arthropoda", null, null, "Invertebrate Zoology"},         // NULL class accepted
        {"Animalia", "Mollusca", "Gastropoda", null, "Invertebrate Zoology"},
        {"Animalia", "Chordata", "Aves", "Perciformes", "Vertebrate Zoology - Fishes"}, // fish order before birds
        {"Animalia", "Chordata", "Actinopterygii", "perciformes", "Vertebrate Zoology - Others"},
        {"Animalia", "Chordata", "Amphibia", null, "Vertebrate Zoology - Amphibians"},
        {"Animalia", "Chordata", "Reptilia", null, "Vertebrate Zoology - Reptiles"},
        {"Animalia", "Chordata", "Aves", null, "Vertebrate Zoology - Birds"},
        {"Animalia", "Chordata", "Mammalia", "Carnivora", "Vertebrate Zoology - Mammals"},
        {"Animalia", "Chordata", null, null, "Vertebrate Zoology - Others"},
        {"Animalia", "Chordata", "Mammalia", "Lepidosireniformes", "Vertebrate Zoology - Fishes"},
        {"Bacteria", "Proteobacteria", null, null, "Microbiology"},
        {"Chromista", "Myzozoa", "Insecta", null, "Insect"},                    // insect before microbiology
        {"Animalia", "Cnidaria", "Insecta", null, "Insect"},
        {null, null, null, null, "Uncategorized"},
        {"Animalia", "Tracheophyta", null, null, "Uncategorized"},
    };

    @Test
    void rulesApplyInOrderFirstMatchWins() {
        for (String[] c : CASES) {
            Map<String, String> row = new HashMap<>();
            row.put("kingdom", c[0]);
            row.put("phylum", c[1]);
            row.put("class", c[2]);
            row.put("order", c[3]);
            assertEquals(c[4], MuseumCategories.categorize(row::get), String.join(",", String.valueOf(c[0]),
                    String.valueOf(c[1]), String.valueOf(c[2]), String.valueOf(c[3])));
        }
    }

    @Test
    void writesEachRowOnceUnderItsCategoryWithAtMostNPerFile() throws Exception {
        Path in = tmp.resolve("extracted/group_id=7/part-00000.parquet");
        List<Column> cols = List.of(Column.string("uuid"), Column.string("kingdom"), Column.string("phylum"),
                Column.string("class"), Column.string("order"), Column.string("category"));
        List<String> want = new ArrayList<>();
        try (ParquetRowWriter w = ParquetRowWriter.create(in, cols)) {
            for (int i = 0; i < 7 * CASES.length; i++) {
                String[] c = CASES[i % CASES.length];
                Map<String, Object> row = new HashMap<>();
                row.put("uuid", "u" + i);
                row.put("kingdom", c[0]);
                row.put("phylum", c[1]);
                row.put("class", c[2]);
                row.put("order", c[3]);
                row.put("category", "stale value");
                w.write(row);
                want.add("u" + i + "@" + c[4]);
            }
            w.commit();
        }
        Path out = tmp.resolve("cat");
        assertEquals(ExitCodes.OK, StageRuns.run(new CategorizeStage(List.of(tmp.resolve("extracted").toString()),
                "museum-specimen", 4), out));
        List<String> got = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                String dir = f.getParent().getFileName().toString();
                assertTrue(dir.startsWith("category="), f.toString());
                try (ParquetRows rows = ParquetRows.open(f, List.of("uuid", "kingdom", "group_id"))) {
                    assertTrue(rows.rowCount() <= 4, f + " has " + rows.rowCount() + " rows");
                    org.tol.io.parquet.ParquetFileInfo info = org.tol.io.parquet.ParquetFileInfo.read(f);
                    List<String> inFile = info.columns().stream().map(Column::name).toList();
                    assertFalse(inFile.contains("category"), "category is the directory name only: " + inFile);
                    assertTrue(inFile.contains("group_id"), "group_id kept as a column, as the reference's files have it");
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        assertEquals("7", r.string("group_id"));
                        got.add(r.string("uuid") + "@" + dir.substring("category=".length()));
                    }
                }
            }
        }
        assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList());
    }
}
