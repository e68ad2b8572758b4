package org.tol.stages.sample;

/**
 * What {@code tol sample make} generates: {@code images} rows in total spread over {@code files} Parquet
 * files, of which {@code badRows} are deliberately broken. Same spec, same bytes.
 */
public record SampleSpec(int files, int images, long seed, int badRows) {
    public SampleSpec {
        if (files < 1 || images < files) {
            throw new IllegalArgumentException("need at least one file and one image per file (files=" + files
                    + ", images=" + images + ")");
        }
        if (badRows < 0 || badRows > images / 2) {
            throw new IllegalArgumentException("--bad-rows must be between 0 and half the images, got " + badRows);
        }
    }

    public static SampleSpec defaults() {
        return new SampleSpec(4, 96, 42, 3);
    }
}
