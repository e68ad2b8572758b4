package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/**
 * {@code ParquetRows}' read path (pooled direct buffers, native Snappy between them, mapped or read column
 * chunks) returns exactly what parquet-java's stock reader returns (default options: heap buffers, its own
 * codecs; the same Group records): every value of every row, over several row groups and pages per chunk, dictionary and
 * plain strings, nulls everywhere, lists, a Hugging Face Image struct, image cells from empty to pages far
 * larger than the pool's idle buffers, a hive partition, projection and row-group ranges, three codecs.
 */
class ReadPathEquivalenceTest {
    private static final List<Column> COLUMNS = List.of(
            Column.string("uuid"),
            Column.string("title"),
            new Column("n", ColumnType.Primitive.INT64),
            new Column("flag", ColumnType.Primitive.BOOLEAN),
            new Column("x", ColumnType.Primitive.DOUBLE),
            new Column("original_size", ColumnType.listOf(ColumnType.Primitive.INT64)),
            new Column("tags", ColumnType.listOf(ColumnType.Primitive.STRING)),
            new Column("img", ColumnType.structOf(Column.binary("bytes"), Column.string("path"))),
            Column.binary("image"));
    private static final int ROWS = 40;

    @TempDir Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty("tol.parquet.mmap");
    }

    /** Row i's values; nulls and empty values at irregular places, image sizes from 0 to 3.2 MB. */
    private static Map<String, Object> row(int i, Random rnd) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", i % 9 == 4 ? null : "u-" + (i % 5)); // few distinct values: dictionary-encoded
        r.put("title", i % 7 == 3 ? null : "title " + i + " " + "x".repeat(rnd.nextInt(300))); // plain
        r.put("n", i % 6 == 1 ? null : (long) i * 1_000_003L - 7);
        r.put("flag", i % 5 == 2 ? null : i % 2 == 0);
        r.put("x", i % 8 == 5 ? null : i / 3.0);
        r.put("original_size", i % 10 == 9 ? null : i % 10 == 8 ? List.of() : List.of((long) i, 2L * i + 1));
        r.put("tags", i % 4 == 0 ? null : List.of("t" + (i % 3), "tag " + i));
        int size = i == 13 ? 3_200_000 : i % 11 == 10 ? 0 : 1 + rnd.nextInt(i % 3 == 0 ? 600_000 : 5_000);
        byte[] pixels = new byte[size];
        rnd.nextBytes(pixels);
        for (int k = 0; k < size / 2; k++) {
            pixels[k] = (byte) (k / 97); // half compressible: Snappy emits copies as well as literals
        }
        r.put("image", i % 9 == 7 ? null : pixels);
        Map<String, Object> img = new LinkedHashMap<>();
        img.put("bytes", i % 12 == 6 ? null : Arrays.copyOf(pixels, Math.min(size, 70_000)));
        img.put("path", "p/" + i + ".png");
        r.put("img", i % 13 == 11 ? null : img);
        return r;
    }

    private Path write(CompressionCodecName codec) throws Exception {
        Path file = dir.resolve("source=inat").resolve("part-" + codec + ".parquet");
        Files.createDirectories(file.getParent());
        MessageType schema = Schemas.toParquet(COLUMNS);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Random rnd = new Random(11);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).withCompressionCodec(codec)
                .withRowGroupRowCountLimit(7).withPageSize(64 << 10).withMinRowCountForPageSizeCheck(1)
                .withMaxRowCountForPageSizeCheck(2).withDictionaryEncoding(true)
                .withDictionaryEncoding("title", false).withDictionaryEncoding("image", false).build()) {
            for (int i = 0; i < ROWS; i++) {
                Group g = groups.newGroup();
                for (Map.Entry<String, Object> e : row(i, rnd).entrySet()) {
                    Column c = COLUMNS.stream().filter(col -> col.name().equals(e.getKey())).findFirst().orElseThrow();
                    GroupValues.write(g, c.name(), c.type(), e.getValue());
                }
                w.write(g);
            }
        }
        return file;
    }

    /** parquet-java's stock reader (heap buffers, its own codecs): every row as Group values. */
    private static List<Map<String, Object>> reference(Path file) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long k = 0; k < pages.getRowCount(); k++) {
                    Group g = records.read();
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int f = 0; f < g.getType().getFieldCount(); f++) {
                        m.put(g.getType().getFieldName(f), comparable(GroupValues.read(g, f)));
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** byte[] compared by content (hex), recursively through lists and structs. */
    private static Object comparable(Object v) {
        if (v instanceof byte[] b) {
            return "bytes:" + HexFormat.of().formatHex(b);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ReadPathEquivalenceTest::comparable).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, comparable(x)));
            return out;
        }
        return v;
    }

    private static byte[] bytes(ByteBuffer view) {
        byte[] b = new byte[view.remaining()];
        view.duplicate().get(b);
        return b;
    }

    @ParameterizedTest
    @CsvSource({"SNAPPY,true", "SNAPPY,false", "ZSTD,true", "ZSTD,false", "UNCOMPRESSED,true", "UNCOMPRESSED,false"})
    void everyValueEqualsParquetJavasStockReader(CompressionCodecName codec, boolean map) throws Exception {
        Path file = write(codec);
        List<Map<String, Object>> expected = reference(file);
        assertEquals(ROWS, expected.size());
        System.setProperty("tol.parquet.mmap", Boolean.toString(map));
        List<String> names = COLUMNS.stream().map(Column::name).toList();
        try (ParquetRows rows = ParquetRows.open(file, names)) {
            assertTrue(rows.rowGroupCount() >= 5, "several row groups: " + rows.rowGroupCount());
            List<ByteBuffer> groupViews = new ArrayList<>();
            List<byte[]> groupCopies = new ArrayList<>();
            int group = -1;
            int i = 0;
            for (Row r = rows.next(); r != null; r = rows.next(), i++) {
                String where = codec + " map=" + map + " row " + i;
                assertEquals(i, r.indexInFile(), where);
                if (r.rowGroup() != group) {
                    groupViews.clear();
                    groupCopies.clear();
                    group = r.rowGroup();
                }
                for (String c : names) {
                    assertEquals(expected.get(i).get(c), comparable(r.value(c)), where + " " + c);
                }
                assertEquals("inat", r.string("source"), where);
                byte[] image = r.binary("image");
                ByteBuffer view = r.binaryView("image");
                Object want = expected.get(i).get("image");
                if (want == null) {
                    assertNull(image, where);
                    assertNull(view, where);
                } else {
                    assertEquals(want, comparable(image), where);
                    assertArrayEquals(image, bytes(view), where);
                    assertTrue(image.length == 0 || view.isDirect(), where + ": a view of a pooled or mapped page");
                    groupViews.add(view);
                    groupCopies.add(image);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> img = (Map<String, Object>) expected.get(i).get("img");
                ByteBuffer hf = r.binaryView("img");
                if (img == null || img.get("bytes") == null) {
                    assertNull(hf, where + " img");
                } else {
                    assertEquals(img.get("bytes"), comparable(bytes(hf)), where + " img");
                }
                // Views stay valid for the rest of their row group (buffers return to the pool only after it).
                for (int k = 0; k < groupViews.size(); k++) {
                    assertArrayEquals(groupCopies.get(k), bytes(groupViews.get(k)), where + " earlier view " + k);
                }
            }
            assertEquals(ROWS, i);
        }
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void projectionAndRowGroupRangesMatchTheFullRead(boolean map) throws Exception {
        Path file = write(CompressionCodecName.SNAPPY);
        List<Map<String, Object>> expected = reference(file);
        System.setProperty("tol.parquet.mmap", Boolean.toString(map));
        List<String> cols = List.of("image", "tags", "missing");
        try (ParquetRows rows = ParquetRows.open(file, cols, 2, 4)) {
            long first = -1;
            int n = 0;
            for (Row r = rows.next(); r != null; r = rows.next(), n++) {
                if (first < 0) {
                    first = r.indexInFile();
                }
                int i = (int) r.indexInFile();
                assertTrue(r.rowGroup() == 2 || r.rowGroup() == 3, "row group " + r.rowGroup());
                assertEquals(expected.get(i).get("image"), comparable(r.value("image")), "row " + i);
                assertEquals(expected.get(i).get("tags"), comparable(r.value("tags")), "row " + i);
                assertNull(r.value("uuid"), "not projected");
                assertNull(r.value("missing"));
            }
            assertEquals(14, first, "row groups of 7 rows: group 2 starts at row 14");
            assertEquals(14, n);
        }
    }
}
