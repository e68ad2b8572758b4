package org.tol.filters.imagestats;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;

/**
 * {@code tol filter image-stats}: per image its width, height, mean of each RGB channel and the SHA-256 of the
 * decoded RGB bytes. No model: all work happens in {@link #prepare} on the CPU pool, so it measures the
 * runtime itself, and it doubles as a QA tool (pixel hashes find identical images, means find blank ones).
 */
public final class ImageStatsFilter implements ImageFilter<Map<String, Object>> {
    public static final String NAME = "image-stats";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Column> outputColumns() {
        return List.of(Column.int32("width"), Column.int32("height"), Column.float64("mean_r"),
                Column.float64("mean_g"), Column.float64("mean_b"), Column.string("pixel_sha256"));
    }

    @Override
    public Map<String, Object> prepare(RgbImage image) {
        return stats(image);
    }

    @Override
    public List<RowResult> infer(List<Map<String, Object>> batch) {
        return batch.stream().map(RowResult::ok).toList();
    }

    @Override
    public int preferredBatchSize() {
        return 64;
    }

    @Override
    public Map<String, String> fingerprint() {
        return Map.of("image-stats", "1");
    }

    /** The output values for one image; means are exact (sum / pixel count). */
    public static Map<String, Object> stats(RgbImage image) {
        byte[] px = image.pixels();
        long r = 0;
        long g = 0;
        long b = 0;
        for (int i = 0; i < px.length; i += 3) {
            r += px[i] & 0xff;
            g += px[i + 1] & 0xff;
            b += px[i + 2] & 0xff;
        }
        double n = (double) image.width() * image.height();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", image.width());
        m.put("height", image.height());
        m.put("mean_r", r / n);
        m.put("mean_g", g / n);
        m.put("mean_b", b / n);
        m.put("pixel_sha256", sha256(px));
        return m;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
