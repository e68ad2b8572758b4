package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.image.DecodeResult;
import org.tol.io.image.ImageDecoder;

/**
 * Files written by other tools must read exactly: DuckDB (snappy with int64 size lists, zstd with int32
 * size lists; made by {@code foreign/make-with-duckdb.mjs}, committed) and a legacy 2-level list layout
 * written through parquet-java's low-level example writer with a hand-written schema.
 */
class ForeignWriterTest {
    private static Path resource(String name) throws Exception {
        return Path.of(ForeignWriterTest.class.getResource("/foreign/" + name).toURI());
    }

    /** The pattern make-with-duckdb.mjs stores: byte i of row r is (base_r + i) & 255, BGR order. */
    private static byte[] expectedRgb(int h, int w, int base) {
        byte[] rgb = new byte[h * w * 3];
        for (int p = 0; p < h * w; p++) {
            rgb[p * 3] = (byte) (base + p * 3 + 2);
            rgb[p * 3 + 1] = (byte) (base + p * 3 + 1);
            rgb[p * 3 + 2] = (byte) (base + p * 3);
        }
        return rgb;
    }

    @Test
    void duckdbSnappyInt64AndZstdInt32FilesDecodeExactly() throws Exception {
        for (String file : List.of("duckdb_snappy_int64.parquet", "duckdb_zstd_int32.parquet")) {
            ParquetFileInfo info = ParquetFileInfo.read(resource(file));
            assertTrue(info.codecs().contains(file.contains("zstd") ? "ZSTD" : "SNAPPY"), info.codecs().toString());
            List<String> uuids = new ArrayList<>();
            List<byte[]> pixels = new ArrayList<>();
            try (ParquetRows rows = ParquetRows.open(resource(file), ImageColumns.DECODE_COLUMNS)) {
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    uuids.add(r.string(ImageColumns.UUID));
                    DecodeResult d = new ImageDecoder().decode(r);
                    assertTrue(d.isOk(), file + ": " + d.message());
                    pixels.add(d.image().pixels());
                }
            }
            assertEquals(List.of("u-0", "u-1", "u-2"), uuids, file);
            assertArrayEquals(expectedRgb(2, 3, 0), pixels.get(0), file);
            assertArrayEquals(expectedRgb(1, 4, 100), pixels.get(1), file);
            assertArrayEquals(expectedRgb(3, 1, 200), pixels.get(2), file);
        }
    }

    @Test
    void legacyTwoLevelListsAndInt32SizesRead(@TempDir Path dir) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message spark_schema {"
                + " optional binary uuid (STRING);"
                + " optional group original_size (LIST) { repeated int32 array; }"
                + " optional group resized_size (LIST) { repeated group bag { optional int32 array_element; } }"
                + " optional binary image; }");
        Path file = dir.resolve("legacy.parquet");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            Group g = new SimpleGroupFactory(schema).newGroup();
            g.append("uuid", "legacy-1");
            Group os = g.addGroup("original_size");
            os.append("array", 9).append("array", 9);
            Group rs = g.addGroup("resized_size");
            rs.addGroup("bag").append("array_element", 1);
            rs.addGroup("bag").append("array_element", 2);
            g.append("image", Binary.fromConstantByteArray(new byte[] {10, 20, 30, 40, 50, 60}));
            w.write(g);
        }
        try (ParquetRows rows = ParquetRows.open(file, ImageColumns.DECODE_COLUMNS)) {
            Row r = rows.next();
            assertArrayEquals(new long[] {9, 9}, r.longs(ImageColumns.ORIGINAL_SIZE));
            assertArrayEquals(new long[] {1, 2}, r.longs(ImageColumns.RESIZED_SIZE));
            DecodeResult d = new ImageDecoder().decode(r);
            assertTrue(d.isOk(), d.message());
            assertArrayEquals(new byte[] {30, 20, 10, 60, 50, 40}, d.image().pixels());
        }
    }
}
