package org.tol.stages.wds;

import java.util.Map;

/**
 * How the {@code jpg} member is made: resize to exactly {@code width x height} with Pillow's BICUBIC (the
 * reference; aspect not kept) or, with {@code keepAspect}, to fit inside that box; then JPEG at
 * {@code quality} (webdataset's 100).
 */
public record WdsImageOptions(int width, int height, boolean keepAspect, int quality) {
    public static final WdsImageOptions REFERENCE = new WdsImageOptions(224, 224, false, 100);

    public WdsImageOptions {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("--size must be WxH with positive sides");
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("--quality must be 1..100");
        }
    }

    /** Parses "224x224". */
    public static int[] parseSize(String s) {
        String[] p = s.toLowerCase(java.util.Locale.ROOT).split("x");
        if (p.length != 2) {
            throw new IllegalArgumentException("--size must look like 224x224, got '" + s + "'");
        }
        return new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
    }

    /** Output size for a {@code w x h} input. */
    public int[] target(int w, int h) {
        if (!keepAspect) {
            return new int[] {width, height};
        }
        double scale = Math.min((double) width / w, (double) height / h);
        return new int[] {Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale))};
    }

    public Map<String, String> fingerprint() {
        return Map.of("size", width + "x" + height, "keep_aspect", Boolean.toString(keepAspect),
                "quality", Integer.toString(quality), "resample", "pillow-bicubic", "encoder", "libjpeg-turbo-420");
    }
}
