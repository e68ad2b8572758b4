package org.tol.stages.pdq;

import org.tol.api.image.RgbImage;

/**
 * What to do to an image before hashing. The reference implementations disagree, so each is available:
 * {@link #NONE} is the Java reference and the {@code pdqhash} Python binding TOL used (full resolution);
 * {@link #SQUARE_512} is the C++ command-line hasher (anything over 512 px squashed to 512x512, nearest
 * neighbour); {@link #THUMBNAIL_512} is the pure-Python hasher ({@code PIL thumbnail}: long side 512,
 * aspect kept, bicubic).
 */
public enum PreResize {
    NONE("none"),
    THUMBNAIL_512("512-thumbnail"),
    SQUARE_512("512-square");

    private static final int LIMIT = 512;
    private final String label;

    PreResize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PreResize parse(String s) {
        for (PreResize p : values()) {
            if (p.label.equalsIgnoreCase(s) || p.name().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown --pre-resize '" + s + "': use none, 512-thumbnail or 512-square");
    }

    /** Whether {@link #apply} would change an image of this size. */
    public boolean changes(int w, int h) {
        return this != NONE && (w > LIMIT || h > LIMIT);
    }

    public RgbImage apply(RgbImage img) {
        int w = img.width();
        int h = img.height();
        return switch (this) {
            case NONE -> img;
            case SQUARE_512 -> (w > LIMIT || h > LIMIT) ? Resampler.nearest(img, LIMIT, LIMIT) : img;
            case THUMBNAIL_512 -> {
                if (w <= LIMIT && h <= LIMIT) {
                    yield img;
                }
                int[] size = thumbnailSize(w, h);
                yield Resampler.bicubic(img, size[0], size[1]);
            }
        };
    }

    /** PIL's thumbnail size: the long side becomes 512, the other the rounding that best keeps the aspect. */
    static int[] thumbnailSize(int w, int h) {
        double aspect = (double) w / h;
        if (w >= h) {
            int y = bestRound(LIMIT / aspect, n -> Math.abs(aspect - (double) LIMIT / n));
            return new int[] {LIMIT, Math.max(1, y)};
        }
        int x = bestRound(LIMIT * aspect, n -> Math.abs(aspect - n / (double) LIMIT));
        return new int[] {Math.max(1, x), LIMIT};
    }

    private static int bestRound(double v, java.util.function.IntToDoubleFunction error) {
        int lo = (int) Math.floor(v);
        int hi = lo + 1;
        if (lo == 0) {
            return hi;
        }
        return error.applyAsDouble(lo) <= error.applyAsDouble(hi) ? lo : hi;
    }
}
