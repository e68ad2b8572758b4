package org.tol.filters.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * The box arithmetic between MTCNN stages, as facenet-pytorch's {@code detect_face} helpers
 * ({@code generateBoundingBox}, the stage-1 refinement, {@code bbreg}, {@code rerec}, {@code pad}). All in
 * float32 like the torch tensors.
 */
final class BoxSteps {
    static final int STRIDE = 2;
    static final int CELL = 12;

    private BoxSteps() {}

    /**
     * P-Net cells whose face probability is {@code >= threshold} become boxes: cell (row, col) maps to
     * {@code floor((2*col + 1)/scale), floor((2*row + 1)/scale), floor((2*col + 12)/scale),
     * floor((2*row + 12)/scale)}. The division is done as torch does on CUDA for a Python-scalar divisor:
     * multiplication by the float32 reciprocal. Cells come out in row-major order.
     *
     * @param reg {@code [4, h, w]} regression of one image, {@code prob} {@code [h, w]} face probabilities
     */
    static List<Candidate> generate(int image, float[] reg, int regOffset, float[] prob, int probOffset, int h, int w,
            double scale, float threshold) {
        float inv = 1.0f / (float) scale;
        List<Candidate> out = new ArrayList<>();
        int plane = h * w;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                float p = prob[probOffset + r * w + c];
                if (p >= threshold) {
                    float bx = c;
                    float by = r;
                    float[] rg = new float[4];
                    for (int k = 0; k < 4; k++) {
                        rg[k] = reg[regOffset + k * plane + r * w + c];
                    }
                    out.add(new Candidate(image,
                            (float) Math.floor((STRIDE * bx + 1) * inv), (float) Math.floor((STRIDE * by + 1) * inv),
                            (float) Math.floor((STRIDE * bx + CELL) * inv), (float) Math.floor((STRIDE * by + CELL) * inv),
                            p, rg));
                }
            }
        }
        return out;
    }

    /** Stage-1 refinement: offsets scale with the exclusive box size {@code x2 - x1} (unlike {@link #bbreg}). */
    static void refineStage1(Candidate c) {
        float regw = c.x2 - c.x1;
        float regh = c.y2 - c.y1;
        float q1 = c.x1 + c.reg[0] * regw;
        float q2 = c.y1 + c.reg[1] * regh;
        float q3 = c.x2 + c.reg[2] * regw;
        float q4 = c.y2 + c.reg[3] * regh;
        c.x1 = q1;
        c.y1 = q2;
        c.x2 = q3;
        c.y2 = q4;
    }

    /** {@code bbreg}: offsets scale with the inclusive box size {@code x2 - x1 + 1}. */
    static void bbreg(Candidate c) {
        float w = c.x2 - c.x1 + 1;
        float h = c.y2 - c.y1 + 1;
        float b1 = c.x1 + c.reg[0] * w;
        float b2 = c.y1 + c.reg[1] * h;
        float b3 = c.x2 + c.reg[2] * w;
        float b4 = c.y2 + c.reg[3] * h;
        c.x1 = b1;
        c.y1 = b2;
        c.x2 = b3;
        c.y2 = b4;
    }

    /** {@code rerec}: grows the box to a square of side max(w, h) around the same centre. */
    static void square(Candidate c) {
        float h = c.y2 - c.y1;
        float w = c.x2 - c.x1;
        float l = Math.max(w, h);
        c.x1 = c.x1 + w * 0.5f - l * 0.5f;
        c.y1 = c.y1 + h * 0.5f - l * 0.5f;
        c.x2 = c.x1 + l;
        c.y2 = c.y1 + l;
    }

    /**
     * {@code pad}: truncates the box toward zero and clamps it to the image as 1-based inclusive
     * coordinates {@code x >= 1, ex <= w}; the crop is then columns {@code x-1 .. ex-1}. facenet-pytorch
     * crops this clamped region (and stretches it to the net's size) instead of zero-padding the outside.
     * Returns {x, y, ex, ey}, or null when nothing of the box is inside the image (facenet-pytorch would
     * silently misalign its candidates there; we drop the candidate).
     */
    static int[] pad(Candidate c, int w, int h) {
        int x = Math.max((int) c.x1, 1);
        int y = Math.max((int) c.y1, 1);
        int ex = Math.min((int) c.x2, w);
        int ey = Math.min((int) c.y2, h);
        if (ey <= y - 1 || ex <= x - 1) {
            return null;
        }
        return new int[] {x, y, ex, ey};
    }

    /** O-Net landmarks: {@code p * (size + 1) + corner - 1}, on the box before the final regression. */
    static float[] landmarks(Candidate c, float[] points, int offset) {
        float wi = c.x2 - c.x1 + 1;
        float hi = c.y2 - c.y1 + 1;
        float[] out = new float[10];
        for (int k = 0; k < 5; k++) {
            out[k] = wi * points[offset + k] + c.x1 - 1;
            out[5 + k] = hi * points[offset + 5 + k] + c.y1 - 1;
        }
        return out;
    }
}
