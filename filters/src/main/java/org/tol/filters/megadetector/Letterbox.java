package org.tol.filters.megadetector;

import org.tol.api.image.RgbImage;

/**
 * The MegaDetector input transform: RGB in [0,1], bilinear resize to the {@link LetterboxGeometry} size
 * with torchvision's tensor semantics (align_corners=False, no antialias: each output pixel samples the
 * two nearest source pixels around {@code (i + 0.5) * in/out - 0.5}, clamped at 0), padding with 114/255
 * placed as {@link LetterboxGeometry} says (odd row on top, odd column on the right), channels first (CHW,
 * RGB). PytorchWildlife pads {@code im * 255.0} with 114 and divides by 255.0 afterwards; that float32
 * round trip moves about 0.4% of the resized values by one ulp, so it is repeated here.
 */
public final class Letterbox {
    static final float PAD = 114f / 255f;

    private final int size;

    public Letterbox(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** Returns the {@code 3 x size x size} CHW float image and its geometry. */
    public LetterboxedImage apply(RgbImage image) {
        return letterbox(image.pixels(), 0, image.width(), image.height(), false);
    }

    /**
     * The same floats as {@link #apply} on the RGB image of the raw BGR cell {@code bgr[offset .. offset +
     * width*height*3)}, read in place: each source channel is written to the plane of its RGB position, so the
     * cell is neither copied nor swapped first.
     */
    public LetterboxedImage applyBgr(byte[] bgr, int offset, int width, int height) {
        if ((long) width * height * 3 > bgr.length - offset) {
            throw new IllegalArgumentException("a " + width + "x" + height + " BGR image needs "
                    + (long) width * height * 3 + " bytes, the cell holds " + (bgr.length - offset));
        }
        return letterbox(bgr, offset, width, height, true);
    }

    /**
     * Separable: each source row the resize reads is interpolated horizontally once (torch's {@code lx0 * a + lx1
     * * b}, per channel into its own array) and kept while the next output row still needs it; the vertical
     * step then runs along contiguous arrays. The float operations and their order are those of the per-pixel
     * formula, so the values are the same; a 720x540 image reads ~540 source rows instead of 2 x 480.
     */
    private LetterboxedImage letterbox(byte[] px, int offset, int w, int h, boolean bgr) {
        LetterboxGeometry g = LetterboxGeometry.of(w, h, size);
        int plane = size * size;
        float[] out = new float[3 * plane];
        java.util.Arrays.fill(out, PAD);
        int nw = g.newWidth();
        Axis xs = Axis.of(w, nw);
        Axis ys = Axis.of(h, g.newHeight());
        Rows rows = ROWS.get().reset(nw);
        for (int oy = 0; oy < g.newHeight(); oy++) {
            int s0 = rows.slot(ys.i0[oy], -1, px, offset, w, xs);
            int s1 = rows.slot(ys.i1[oy], s0, px, offset, w, xs);
            float ly0 = ys.w0[oy];
            float ly1 = ys.w1[oy];
            int rowOut = (oy + g.top()) * size + g.left();
            for (int c = 0; c < 3; c++) {
                float[] top = rows.values[s0][c];
                float[] bottom = rows.values[s1][c];
                // the output plane of stored channel c: R, G, B in order, or B, G, R for a raw cell
                int o = (bgr ? 2 - c : c) * plane + rowOut;
                for (int ox = 0; ox < nw; ox++) {
                    out[o + ox] = roundTrip(ly0 * top[ox] + ly1 * bottom[ox]);
                }
            }
        }
        return new LetterboxedImage(out, g);
    }

    private static final ThreadLocal<Rows> ROWS = ThreadLocal.withInitial(Rows::new);

    /** Two horizontally interpolated source rows (per channel) and which source rows they are; per thread. */
    private static final class Rows {
        float[][][] values = new float[2][3][0];
        final int[] row = {-1, -1};

        Rows reset(int width) {
            if (values[0][0].length < width) {
                values = new float[2][3][width];
            }
            row[0] = -1;
            row[1] = -1;
            return this;
        }

        /** The slot holding source row {@code y}, interpolating it into a slot other than {@code keep} if needed. */
        int slot(int y, int keep, byte[] px, int offset, int w, Axis xs) {
            if (row[0] == y) {
                return 0;
            }
            if (row[1] == y) {
                return 1;
            }
            int s = keep == 0 ? 1 : keep == 1 ? 0 : (row[0] == -1 ? 0 : 1);
            int r = offset + y * w * 3;
            float[] a = values[s][0];
            float[] b = values[s][1];
            float[] c = values[s][2];
            for (int ox = 0, n = xs.i0.length; ox < n; ox++) {
                int p0 = r + xs.i0[ox] * 3;
                int p1 = r + xs.i1[ox] * 3;
                float lx0 = xs.w0[ox];
                float lx1 = xs.w1[ox];
                a[ox] = lx0 * v(px, p0) + lx1 * v(px, p1);
                b[ox] = lx0 * v(px, p0 + 1) + lx1 * v(px, p1 + 1);
                c[ox] = lx0 * v(px, p0 + 2) + lx1 * v(px, p1 + 2);
            }
            row[s] = y;
            return s;
        }
    }

    /** ToTensor's v / 255 for every byte value, so the hot loop does lookups instead of divisions (same floats). */
    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT[i] = i / 255f;
        }
    }

    /** {@code F.pad(im * 255.0, ...) / 255.0} in float32: not the identity for every float. */
    static float roundTrip(float v) {
        return v * 255f / 255f;
    }

    private static float v(byte[] px, int i) {
        return UNIT[px[i] & 0xFF];
    }

    /** Source indices and weights along one axis, as torch's upsample_bilinear2d computes them (in float32). */
    static final class Axis {
        final int[] i0;
        final int[] i1;
        final float[] w0;
        final float[] w1;

        private Axis(int n) {
            i0 = new int[n];
            i1 = new int[n];
            w0 = new float[n];
            w1 = new float[n];
        }

        static Axis of(int in, int out) {
            Axis a = new Axis(out);
            float scale = (float) in / out;
            for (int o = 0; o < out; o++) {
                float src = Math.max(scale * (o + 0.5f) - 0.5f, 0f);
                int x0 = (int) src;
                int x1 = x0 + (x0 < in - 1 ? 1 : 0);
                float l1 = src - x0;
                a.i0[o] = x0;
                a.i1[o] = x1;
                a.w1[o] = l1;
                a.w0[o] = 1f - l1;
            }
            return a;
        }
    }
}
