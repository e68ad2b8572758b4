package org.tol.tests.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.WriterOptions;

/**
 * Writes images-in-Parquet files of raw BGR images (the TOL-200M layout: uuid, image, original_size,
 * resized_size as [h, w]) with random content, for the runtime benchmark and tests. Bad rows have a byte count
 * that matches neither size, which the decoder reports as {@code size_mismatch}.
 */
public final class TinySample {
    private TinySample() {}

    /** Where the files went and how many rows they hold. */
    public record Written(List<Path> files, long rows, long badRows) {}

    /**
     * @param files         number of files ({@code source=s<k%3>/data_<k>.parquet})
     * @param imagesPerFile rows per file
     * @param minSide       smallest image side in pixels; sides are uniform in [minSide, maxSide]
     * @param rowGroupRows  rows per row group
     * @param badEvery      every badEvery-th row is corrupt (0 = none)
     */
    public static Written write(Path dir, int files, int imagesPerFile, int minSide, int maxSide, int rowGroupRows,
            int badEvery, long seed) throws IOException {
        List<Column> cols = List.of(Column.string("uuid"), Column.binary("image"),
                new Column("original_size", ColumnType.listOf(ColumnType.Primitive.INT64)),
                new Column("resized_size", ColumnType.listOf(ColumnType.Primitive.INT64)));
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Path> out = new ArrayList<>();
        long rows = 0;
        long bad = 0;
        for (int f = 0; f < files; f++) {
            Path file = dir.resolve("source=s" + (f % 3)).resolve(String.format("data_%04d.parquet", f));
            Files.createDirectories(file.getParent());
            try (ParquetRowWriter w = ParquetRowWriter.create(file, cols,
                    WriterOptions.defaults().withRowGroupRows(rowGroupRows))) {
                for (int i = 0; i < imagesPerFile; i++) {
                    int h = minSide + rnd.nextInt(maxSide - minSide + 1);
                    int wd = minSide + rnd.nextInt(maxSide - minSide + 1);
                    byte[] px = new byte[h * wd * 3];
                    fill(px, rnd);
                    boolean corrupt = badEvery > 0 && (rows + 1) % badEvery == 0;
                    if (corrupt) {
                        px = java.util.Arrays.copyOf(px, px.length - 7);
                        bad++;
                    }
                    Map<String, Object> row = new HashMap<>();
                    row.put("uuid", String.format("%08x-%04d-%06d", seed & 0xffffffffL, f, i));
                    row.put("image", px);
                    row.put("original_size", List.of((long) h, (long) wd));
                    row.put("resized_size", List.of((long) h, (long) wd));
                    w.write(row);
                    rows++;
                }
                w.commit();
            }
            out.add(file);
        }
        return new Written(out, rows, bad);
    }

    /** Smooth random content (a gradient plus noise), so images differ but compress a little like photos. */
    private static void fill(byte[] px, SplittableRandom rnd) {
        int base = rnd.nextInt(256);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (base + (i / 3 % 97) + rnd.nextInt(8));
        }
    }
}
