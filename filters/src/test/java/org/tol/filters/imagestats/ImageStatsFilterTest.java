package org.tol.filters.imagestats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;

class ImageStatsFilterTest {
    @Test
    void statsOfATwoPixelImage() throws Exception {
        // Pixels (10,20,30) and (30,40,50): means 20, 30, 40; the digest is `printf '\x0a\x14\x1e\x1e\x28\x32' | sha256sum`.
        RgbImage img = new RgbImage(2, 1, new byte[] {10, 20, 30, 30, 40, 50});
        try (ImageStatsFilter f = new ImageStatsFilter()) {
            List<RowResult> out = f.infer(List.of(f.prepare(img)));
            assertEquals(1, out.size());
            Map<String, Object> v = out.get(0).values();
            assertEquals(RowResult.OK, out.get(0).status());
            assertEquals(2, v.get("width"));
            assertEquals(1, v.get("height"));
            assertEquals(20.0, v.get("mean_r"));
            assertEquals(30.0, v.get("mean_g"));
            assertEquals(40.0, v.get("mean_b"));
            assertEquals("75ca68e54e8f7632b6d88335edd3fbe02caba425bfd21ea0f31a6e7f89fad181", v.get("pixel_sha256"));
        }
    }

    @Test
    void bytesAbove127CountUnsigned() {
        RgbImage img = new RgbImage(1, 2, new byte[] {(byte) 255, 0, (byte) 128, (byte) 255, 1, (byte) 129});
        Map<String, Object> v = ImageStatsFilter.stats(img);
        assertEquals(255.0, v.get("mean_r"));
        assertEquals(0.5, v.get("mean_g"));
        assertEquals(128.5, v.get("mean_b"));
    }

    @Test
    void columnsMatchTheValues() {
        ImageStatsFilter f = new ImageStatsFilter();
        assertEquals(List.of("width", "height", "mean_r", "mean_g", "mean_b", "pixel_sha256"),
                f.outputColumns().stream().map(c -> c.name()).toList());
    }
}
