package org.tol.filters.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Pillow bilinear and torch area resampling on hand-worked rows (red channel carries the values). */
class ResampleTest {
    private static byte[] redRow(int... v) {
        byte[] px = new byte[v.length * 3];
        for (int i = 0; i < v.length; i++) {
            px[i * 3] = (byte) v[i];
        }
        return px;
    }

    private static int[] red(byte[] px) {
        int[] out = new int[px.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = px[i * 3] & 0xFF;
        }
        return out;
    }

    @Test
    void pillowUpscaleIsPlainBilinearRounded() {
        // 2 -> 4: centres 0.25, 0.75, 1.25, 1.75 -> p0, .75p0+.25p1, .25p0+.75p1, p1; 63.75 rounds to 64
        assertArrayEquals(new int[] {0, 64, 191, 255}, red(PilBilinearResize.resize(redRow(0, 255), 2, 1, 4, 1)));
    }

    @Test
    void pillowDownscaleWidensTheTriangle() {
        // 4 -> 2: support 2, weights (3,3,1)/7 and (1,3,3)/7: (0*3 + 70*3 + 140)/7 = 50, (70 + 140*3 + 210*3)/7 = 160
        assertArrayEquals(new int[] {50, 160}, red(PilBilinearResize.resize(redRow(0, 70, 140, 210), 4, 1, 2, 1)));
    }

    @Test
    void pillowResizesBothAxes() {
        // a 2x2 image to 1x1: horizontal then vertical pass, each an average here
        byte[] px = {(byte) 100, 0, 0, (byte) 200, 0, 0, 0, 0, 0, (byte) 100, 0, 0};
        assertArrayEquals(new int[] {100}, red(PilBilinearResize.resize(px, 2, 2, 1, 1)));
    }

    @Test
    void areaAveragesOverlappingBinsAndNormalises() {
        // 3 -> 2: bins [0,2) and [1,3): (10+20)/2 = 15, (20+60)/2 = 40; then (v - 127.5) / 128
        float[] out = new float[3 * 2];
        AreaResize.resizeNormalized(redRow(10, 20, 60), 3, 0, 0, 3, 1, 2, 1, out, 0);
        assertArrayEquals(new float[] {(15 - 127.5f) / 128, (40 - 127.5f) / 128}, new float[] {out[0], out[1]}, 0);
        assertArrayEquals(new float[] {-127.5f / 128, -127.5f / 128}, new float[] {out[2], out[3]}, 0);
    }

    @Test
    void areaCropsAWindow() {
        // crop columns 1..2 of a 4-wide row to 1 pixel: (70 + 140) / 2 = 105
        float[] out = new float[3];
        AreaResize.resizeNormalized(redRow(0, 70, 140, 210), 4, 1, 0, 2, 1, 1, 1, out, 0);
        assertArrayEquals(new float[] {(105 - 127.5f) / 128}, new float[] {out[0]}, 0);
    }

    @Test
    void summedAreaPyramidEqualsTheDirectAreaResample() {
        // an odd-sized random image; every level must match AreaResize exactly (both are exact integer sums)
        java.util.Random rnd = new java.util.Random(3);
        int w = 97;
        int h = 61;
        byte[] px = new byte[w * h * 3];
        rnd.nextBytes(px);
        Pyramid p = new Pyramid(h, w, 12, 0.709);
        float[][] levels = SummedAreaPyramid.levels(px, w, h, p);
        for (int k = 0; k < p.levels(); k++) {
            float[] direct = new float[3 * p.levelHeight(k) * p.levelWidth(k)];
            AreaResize.resizeNormalized(px, w, 0, 0, w, h, p.levelWidth(k), p.levelHeight(k), direct, 0);
            assertArrayEquals(direct, levels[k], 0f, "level " + k);
        }
    }

    @Test
    void summedAreaCropsEqualTheDirectCrop() {
        java.util.Random rnd = new java.util.Random(5);
        int w = 120;
        int h = 90;
        byte[] px = new byte[w * h * 3];
        rnd.nextBytes(px);
        SummedAreaTable sat = new SummedAreaTable().fill(px, w, h);
        int[][] crops = {{0, 0, 120, 90, 24}, {7, 3, 61, 61, 24}, {100, 80, 20, 10, 48}, {50, 40, 5, 5, 24}};
        for (int[] c : crops) {
            float[] direct = new float[3 * c[4] * c[4]];
            float[] fast = new float[3 * c[4] * c[4]];
            AreaResize.resizeNormalized(px, w, c[0], c[1], c[2], c[3], c[4], c[4], direct, 0);
            sat.resizeNormalized(c[0], c[1], c[2], c[3], c[4], c[4], fast, 0);
            assertArrayEquals(direct, fast, 0f, java.util.Arrays.toString(c));
        }
    }
}
