package org.tol.stages.pdq;

import java.util.EnumMap;
import java.util.Map;
import org.tol.api.image.RgbImage;

/**
 * Computes PDQ hashes (Meta's perceptual hash, written here from the published algorithm): luminance of
 * the full image (float32, computed as {@link LumaPrecision} says), Jarosz box blur, block-centre decimation to 64x64, quality from neighbour gradients,
 * 16x16 DCT, threshold at the Torben median. Holds scratch buffers sized to the last image, so one instance
 * per thread; not thread-safe.
 */
public final class PdqHasher {
    /** Images smaller than this on either side get the all-zero hash with quality 0, as in the reference. */
    public static final int MIN_HASHABLE_DIM = 5;
    static final int DECIMATED = 64;

    private final PdqDct dct = PdqDct.create();
    private final float[] decimated = new float[DECIMATED * DECIMATED];
    private final float[] coefficients = new float[PdqDct.K * PdqDct.K];
    private final float[] variant = new float[PdqDct.K * PdqDct.K];
    private final LumaPrecision lumaPrecision;
    private final PdqDownsampler downsampler;

    /** A hasher with the pdqhash binding's luma ({@link LumaPrecision#DOUBLE}), what TreeOfLife's hash_pdq holds. */
    public PdqHasher() {
        this(LumaPrecision.DOUBLE);
    }

    public PdqHasher(LumaPrecision lumaPrecision) {
        this.lumaPrecision = lumaPrecision;
        this.downsampler = new PdqDownsampler(lumaPrecision);
    }

    public LumaPrecision lumaPrecision() {
        return lumaPrecision;
    }

    /** Hash and quality of the image as given (no resize). */
    public PdqResult hash(RgbImage image) {
        return hash(image.pixels(), 0, 0, 2, image.width(), image.height());
    }

    /**
     * Hash and quality of {@code width x height} raw BGR pixels (TreeOfLife-200M's stored cells) at
     * {@code bgr[offset..)}: the same bits as hashing the RGB image they decode to, without making it.
     */
    public PdqResult hashBgr(byte[] bgr, int offset, int width, int height) {
        if ((long) width * height * 3 > bgr.length - (long) offset) {
            throw new IllegalArgumentException(width + "x" + height + " BGR needs " + (long) width * height * 3
                    + " bytes, " + (bgr.length - offset) + " given");
        }
        return hash(bgr, offset, 2, 0, width, height);
    }

    private PdqResult hash(byte[] px, int offset, int redAt, int blueAt, int width, int height) {
        if (!computeDct(px, offset, redAt, blueAt, width, height)) {
            return new PdqResult(PdqHash.ofLongs(0, 0, 0, 0), 0);
        }
        return new PdqResult(threshold(coefficients), quality(decimated));
    }

    /** The hashes of all eight rotations/flips, from one DCT (see {@link Dihedral}); same quality for all. */
    public Map<Dihedral, PdqResult> hashDihedral(RgbImage image) {
        Map<Dihedral, PdqResult> out = new EnumMap<>(Dihedral.class);
        if (!computeDct(image.pixels(), 0, 0, 2, image.width(), image.height())) {
            for (Dihedral d : Dihedral.values()) {
                out.put(d, new PdqResult(PdqHash.ofLongs(0, 0, 0, 0), 0));
            }
            return out;
        }
        int q = quality(decimated);
        for (Dihedral d : Dihedral.values()) {
            d.transform(coefficients, variant);
            out.put(d, new PdqResult(threshold(variant), q));
        }
        return out;
    }

    /** Runs luma, blur, decimation and DCT into the scratch buffers; false when the image is too small. */
    private boolean computeDct(byte[] px, int offset, int redAt, int blueAt, int cols, int rows) {
        if (rows < MIN_HASHABLE_DIM || cols < MIN_HASHABLE_DIM) {
            return false;
        }
        downsampler.downsample(px, offset, redAt, blueAt, rows, cols, decimated);
        dct.apply(decimated, coefficients);
        return true;
    }

    /** Block-centre sample index: floor((i + 0.5) * dim / 64). */
    static int decimationIndex(int i, int dim) {
        return (int) (((i + 0.5) * dim) / DECIMATED);
    }

    /**
     * Quality 0..100: the summed absolute neighbour differences of the 64x64 buffer, each scaled to percent
     * of full range and truncated, divided by 90. Flat or tiny images score low.
     */
    static int quality(float[] a) {
        int n = DECIMATED;
        int sum = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n; j++) {
                sum += Math.abs((int) ((a[i * n + j] - a[(i + 1) * n + j]) * 100 / 255));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n - 1; j++) {
                sum += Math.abs((int) ((a[i * n + j] - a[i * n + j + 1]) * 100 / 255));
            }
        }
        return Math.min(100, sum / 90);
    }

    /** Bit k = 16 i + j is set when coefficient (i, j) is strictly above the median of all 256. */
    static PdqHash threshold(float[] c) {
        float median = TorbenMedian.median(c, c.length);
        boolean[] bits = new boolean[PdqHash.BITS];
        for (int k = 0; k < PdqHash.BITS; k++) {
            bits[k] = c[k] > median;
        }
        return PdqHash.fromBits(bits);
    }
}
