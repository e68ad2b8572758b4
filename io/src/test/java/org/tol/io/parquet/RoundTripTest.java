package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

class RoundTripTest {
    static final ColumnType DETECTION = ColumnType.structOf(Column.string("category"), Column.float32("conf"),
            new Column("bbox", ColumnType.listOf(ColumnType.Primitive.FLOAT)));
    static final List<Column> COLUMNS = List.of(Column.string("uuid"), Column.bool("flag"), Column.int32("n"),
            Column.int64("big"), Column.float32("f"), Column.float64("d"), Column.binary("blob"),
            new Column("sizes", ColumnType.listOf(ColumnType.Primitive.INT64)),
            new Column("detections", ColumnType.listOf(DETECTION)));

    @Test
    void everyColumnTypeRoundTripsIncludingNullsAndNestedLists(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("source=gbif/all.parquet");
        Map<String, Object> full = new HashMap<>();
        full.put("uuid", "a");
        full.put("flag", true);
        full.put("n", 7);
        full.put("big", 1L << 40);
        full.put("f", 0.25f);
        full.put("d", -1.5);
        full.put("blob", new byte[] {1, 2, 3});
        full.put("sizes", List.of(720L, 540L));
        full.put("detections", List.of(Map.of("category", "1", "conf", 0.9f, "bbox", List.of(0.1f, 0.2f, 0.3f, 0.4f))));
        Map<String, Object> sparse = new HashMap<>();
        sparse.put("uuid", "b");
        sparse.put("detections", List.of());
        try (ParquetRowWriter w = ParquetRowWriter.create(file, COLUMNS)) {
            w.write(full);
            w.write(sparse);
            assertFalse(Files.exists(file), "target must not exist before commit");
            w.commit();
        }
        assertEquals(COLUMNS, ParquetFileInfo.read(file).columns());
        try (ParquetRows rows = ParquetRows.open(file, List.of("uuid", "flag", "n", "big", "f", "d", "blob", "sizes",
                "detections", "source"))) {
            Row a = rows.next();
            assertEquals("a", a.string("uuid"));
            assertEquals(true, a.value("flag"));
            assertEquals(7, a.value("n"));
            assertEquals(1L << 40, a.value("big"));
            assertEquals(0.25f, a.value("f"));
            assertEquals(-1.5, a.value("d"));
            assertArrayEquals(new byte[] {1, 2, 3}, a.binary("blob"));
            assertArrayEquals(new long[] {720, 540}, a.longs("sizes"));
            assertEquals(List.of(Map.of("category", "1", "conf", 0.9f, "bbox", List.of(0.1f, 0.2f, 0.3f, 0.4f))),
                    a.value("detections"));
            assertEquals("gbif", a.string("source"), "Hive partition value");
            Row b = rows.next();
            assertNull(b.value("flag"));
            assertNull(b.binary("blob"));
            assertEquals(List.of(), b.value("detections"));
            assertNull(rows.next());
        }
    }

    @Test
    void abortLeavesNoTargetAndNoTempFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.parquet");
        try (ParquetRowWriter w = ParquetRowWriter.create(file, List.of(Column.string("uuid")))) {
            w.write(Map.of("uuid", "z"));
        }
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing may remain after an aborted write");
        }
    }

    @Test
    void unknownColumnInARowIsAnErrorNotSilentLoss(@TempDir Path dir) throws Exception {
        try (ParquetRowWriter w = ParquetRowWriter.create(dir.resolve("x.parquet"), List.of(Column.string("uuid")))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.write(Map.of("uuid", "a", "typo", 1)));
            assertTrue(e.getMessage().contains("typo"));
        }
    }

    @Test
    void rowGroupRangesAndRowIndexesAreStable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rg.parquet");
        try (ParquetRowWriter w = ParquetRowWriter.create(file, List.of(Column.int32("i")),
                WriterOptions.defaults().withRowGroupRows(10))) {
            for (int i = 0; i < 35; i++) {
                w.write(Map.of("i", i));
            }
            w.commit();
        }
        ParquetFileInfo info = ParquetFileInfo.read(file);
        assertEquals(4, info.rowGroups().size());
        assertEquals(35, info.rowCount());
        try (ParquetRows rows = ParquetRows.open(file, List.of("i"), 1, 3)) {
            int expected = 10;
            for (Row r = rows.next(); r != null; r = rows.next()) {
                assertEquals(expected, r.value("i"));
                assertEquals(expected, r.indexInFile());
                assertEquals(expected / 10, r.rowGroup());
                expected++;
            }
            assertEquals(30, expected);
        }
    }
}
