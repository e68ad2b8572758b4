package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.image.DecodeResult;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.image.ImageDecoder;

/**
 * The zero-copy image path ({@code Row.binaryView}, {@code ImageDecoder.decode(Row)}) gives exactly what
 * the copying path ({@code Row.binary} then {@code decode(byte[], ...)}) gives: same bytes, same images,
 * same errors and messages, on DuckDB's files and on files with many pages, row groups and codecs.
 */
class ImageViewPathTest {
    private static final List<Column> SCHEMA = List.of(Column.string(ImageColumns.UUID),
            new Column(ImageColumns.ORIGINAL_SIZE, ColumnType.listOf(ColumnType.Primitive.INT64)),
            new Column(ImageColumns.RESIZED_SIZE, ColumnType.listOf(ColumnType.Primitive.INT64)),
            Column.binary(ImageColumns.IMAGE));

    /** Compares both paths on every row; returns the number of rows that decoded. */
    private static int assertPathsAgree(Path file, ImageDecoder decoder) throws Exception {
        int ok = 0;
        int rowsSeen = 0;
        try (ParquetRows rows = ParquetRows.open(file, ImageColumns.DECODE_COLUMNS)) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                rowsSeen++;
                String where = file.getFileName() + " row " + r.indexInFile();
                byte[] copied = r.binary(ImageColumns.IMAGE);
                ByteBuffer view = r.binaryView(ImageColumns.IMAGE);
                if (copied == null) {
                    assertNull(view, where);
                } else {
                    assertTrue(view.isReadOnly(), where);
                    assertEquals(0, view.position(), where);
                    byte[] viewed = new byte[view.remaining()];
                    view.get(viewed);
                    assertArrayEquals(copied, viewed, where);
                }
                DecodeResult slow = decoder.decode(copied, r.longs(ImageColumns.ORIGINAL_SIZE),
                        r.longs(ImageColumns.RESIZED_SIZE));
                DecodeResult fast = decoder.decode(r);
                assertEquals(slow.isOk(), fast.isOk(), where);
                assertEquals(slow.error(), fast.error(), where);
                assertEquals(slow.message(), fast.message(), where);
                if (slow.isOk()) {
                    ok++;
                    assertEquals(slow.image().width(), fast.image().width(), where);
                    assertEquals(slow.image().height(), fast.image().height(), where);
                    assertArrayEquals(slow.image().pixels(), fast.image().pixels(), where);
                }
            }
        }
        assertTrue(rowsSeen > 0, file + " has rows");
        return ok;
    }

    private static Path foreign(String name) throws Exception {
        return Path.of(ImageViewPathTest.class.getResource("/foreign/" + name).toURI());
    }

    @Test
    void duckdbFilesReadTheSameThroughTheView() throws Exception {
        assertEquals(3, assertPathsAgree(foreign("duckdb_snappy_int64.parquet"), new ImageDecoder()));
        assertEquals(3, assertPathsAgree(foreign("duckdb_zstd_int32.parquet"), new ImageDecoder()));
    }

    /** Raw images of awkward sizes, every error kind and an encoded PNG, in 3-row row groups. */
    private static List<Map<String, Object>> mixedRows() throws Exception {
        Random rnd = new Random(11);
        List<Map<String, Object>> out = new ArrayList<>();
        int[][] sizes = {{1, 1}, {2, 3}, {3, 8}, {7, 9}, {224, 224}, {61, 333}, {480, 640}};
        for (int[] hw : sizes) {
            byte[] px = new byte[hw[0] * hw[1] * 3];
            rnd.nextBytes(px);
            out.add(row("raw-" + hw[0] + "x" + hw[1], List.of((long) hw[0], (long) hw[1]), List.of(5L, 5L), px));
            // original_size does not fit, resized_size does (the reference rule's fallback).
            out.add(row("resized-" + hw[0], List.of(999L, 999L), List.of((long) hw[0], (long) hw[1]), px));
        }
        out.add(row("mismatch", List.of(4L, 4L), List.of(2L, 2L), new byte[17]));
        out.add(row("empty", List.of(1L, 1L), List.of(1L, 1L), new byte[0]));
        out.add(row("null-image", List.of(1L, 1L), null, null));
        out.add(row("no-sizes", null, null, new byte[] {1, 2, 3, 4}));
        BufferedImage png = new BufferedImage(5, 4, BufferedImage.TYPE_3BYTE_BGR);
        png.setRGB(1, 2, 0x123456);
        ByteArrayOutputStream enc = new ByteArrayOutputStream();
        ImageIO.write(png, "png", enc);
        out.add(row("png", List.of(4L, 5L), List.of(4L, 5L), enc.toByteArray()));
        return out;
    }

    private static Map<String, Object> row(String uuid, List<Long> original, List<Long> resized, byte[] image) {
        Map<String, Object> m = new HashMap<>();
        m.put(ImageColumns.UUID, uuid);
        m.put(ImageColumns.ORIGINAL_SIZE, original);
        m.put(ImageColumns.RESIZED_SIZE, resized);
        m.put(ImageColumns.IMAGE, image);
        return m;
    }

    @Test
    void manyRowGroupsAndCodecsReadTheSameThroughTheView(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> rows = mixedRows();
        for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.UNCOMPRESSED,
                CompressionCodecName.GZIP)) {
            Path file = dir.resolve(codec + ".parquet");
            try (ParquetRowWriter w = ParquetRowWriter.create(file, SCHEMA,
                    WriterOptions.defaults().withRowGroupRows(3).withCodec(codec))) {
                for (Map<String, Object> r : rows) {
                    w.write(r);
                }
                w.commit();
            }
            assertEquals(2 * 7 + 1, assertPathsAgree(file, new ImageDecoder()), codec.toString());
            // A pixel limit below the larger images: TOO_LARGE must come out of both paths alike.
            assertTrue(assertPathsAgree(file, new ImageDecoder(100 * 100)) < 2 * 7 + 1, codec.toString());
        }
    }
}
