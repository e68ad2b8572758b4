package org.tol.stages.pdq;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.image.RawBgr;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * Inputs for the whole-command side-by-side ({@code tol bench pdq --write-inputs DIR --images N}): the bench's
 * four arrays cycled N times, as {@code DIR/images.parquet} (raw BGR cells like TreeOfLife-200M, for
 * {@code tol pdq hash}) and as {@code DIR/images.rgb} (the same pixels as back-to-back RGB arrays, for the C++
 * driver). The per-image cost is the slope between two such sets, e.g. 200 and 2000 images.
 */
public final class PdqBenchInputs {
    public static final String PARQUET = "images.parquet";
    public static final String RGB = "images.rgb";

    public record Written(Path parquet, Path rgb, int images, int width, int height) {}

    private PdqBenchInputs() {}

    public static Written write(Path dir, int images, int width, int height) throws IOException {
        RgbImage[] arrays = PdqBench.images(width, height);
        byte[][] bgr = new byte[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            bgr[i] = RawBgr.fromRgb(arrays[i]);
        }
        Files.createDirectories(dir);
        List<Column> columns = List.of(Column.string(ImageColumns.UUID),
                new Column(ImageColumns.ORIGINAL_SIZE, ColumnType.listOf(ColumnType.Primitive.INT64)),
                new Column(ImageColumns.RESIZED_SIZE, ColumnType.listOf(ColumnType.Primitive.INT64)),
                Column.binary(ImageColumns.IMAGE));
        long[] size = {height, width};
        try (ParquetRowWriter w = ParquetRowWriter.create(dir.resolve(PARQUET), columns);
                OutputStream rgb = Files.newOutputStream(dir.resolve(RGB))) {
            for (int i = 0; i < images; i++) {
                w.write(Map.of(ImageColumns.UUID, String.format("img-%08d", i), ImageColumns.ORIGINAL_SIZE, size,
                        ImageColumns.RESIZED_SIZE, size, ImageColumns.IMAGE, bgr[i & 3]));
                rgb.write(arrays[i & 3].pixels());
            }
            w.commit();
        }
        return new Written(dir.resolve(PARQUET), dir.resolve(RGB), images, width, height);
    }
}
