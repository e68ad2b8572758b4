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

    private LetterboxedImage letterbox(byte[] px, int offset, int w, int h, boolean bgr) {
        LetterboxGeometry g = LetterboxGeometry.of(w, h, size);
        int plane = size * size;
        float[] out = new float[3 * plane];
        java.util.Arrays.fill(out, PAD);
        Axis xs = Axis.of(w, g.newWidth());
        Axis ys = Axis.of(h, g.newHeight());
        // the output plane of source channel c: R, G, B in order, or B, G, R for a raw cell
        int plane0 = bgr ? 2 * plane : 0;
        int planeStep = bgr ? -plane : plane;
        for (int oy = 0; oy < g.newHeight(); oy++) {
            int r0 = offset + ys.i0[oy] * w * 3;
            int r1 = offset + ys.i1[oy] * w * 3;
            float ly0 = ys.w0[oy];
            float ly1 = ys.w1[oy];
            int rowOut = (oy + g.top()) * size + g.left();
            for (int ox = 0; ox < g.newWidth(); ox++) {
                int c0 = xs.i0[ox] * 3;
                int c1 = xs.i1[ox] * 3;
                float lx0 = xs.w0[ox];
                float lx1 = xs.w1[ox];
                for (int c = 0, o = plane0 + rowOut + ox; c < 3; c++, o += planeStep) {
                    float top = lx0 * v(px, r0 + c0 + c) + lx1 * v(px, r0 + c1 + c);
                    float bottom = lx0 * v(px, r1 + c0 + c) + lx1 * v(px, r1 + c1 + c);
                    out[o] = roundTrip(ly0 * top + ly1 * bottom);
                }
            }
        }
        return new LetterboxedImage(out, g);
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
