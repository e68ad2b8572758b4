package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JaroszBoxFilterTest {
    /** Mean over the clipped window [o - (w - half), o + half - 1], half = (w + 2) / 2, in double. */
    private static double[] naiveBox(double[] in, int window) {
        int half = (window + 2) / 2;
        double[] out = new double[in.length];
        for (int o = 0; o < in.length; o++) {
            int lo = Math.max(0, o - (window - half));
            int hi = Math.min(in.length - 1, o + half - 1);
            double s = 0;
            for (int i = lo; i <= hi; i++) {
                s += in[i];
            }
            out[o] = s / (hi - lo + 1);
        }
        return out;
    }

    @Test
    void windowIsCeilOfDimOver128() {
        assertEquals(1, JaroszBoxFilter.windowSize(1));
        assertEquals(1, JaroszBoxFilter.windowSize(128));
        assertEquals(2, JaroszBoxFilter.windowSize(129));
        assertEquals(6, JaroszBoxFilter.windowSize(720));
        assertEquals(13, JaroszBoxFilter.windowSize(1600));
    }

    @Test
    void edgesAverageOnlyTheElementsInsideTheWindow() {
        float[] in = {1, 2, 3, 4, 5};
        float[] out = new float[5];
        PlainPdqSteps.boxRow(in, out, 0, 5, 3);
        // window 3, half 2: [0,1], [0,2], [1,3], [2,4], [3,4]
        assertArrayEquals(new float[] {1.5f, 2f, 3f, 4f, 4.5f}, out);
        PlainPdqSteps.boxRow(in, out, 0, 5, 2);
        // window 2, half 2: [o, o+1], last one alone
        assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 4.5f, 5f}, out);
        PlainPdqSteps.boxRow(in, out, 0, 5, 4);
        // window 4, half 3: [o-1, o+2]
        assertArrayEquals(new float[] {2f, 2.5f, 3.5f, 4f, 4.5f}, out);
    }

    @Test
    void rowPassMatchesNaiveMeanForManyWindowsAndLengths() {
        Random rnd = new Random(1);
        for (int n : new int[] {1, 2, 5, 13, 64, 200}) {
            for (int window = 1; window <= Math.min(n, 15); window++) {
                float[] in = new float[n];
                double[] din = new double[n];
                for (int i = 0; i < n; i++) {
                    in[i] = rnd.nextInt(256) * 0.587f;
                    din[i] = in[i];
                }
                float[] out = new float[n];
                PlainPdqSteps.boxRow(in, out, 0, n, window);
                double[] expect = naiveBox(din, window);
                for (int i = 0; i < n; i++) {
                    assertEquals(expect[i], out[i], 1e-3, "n=" + n + " window=" + window + " i=" + i);
                }
            }
        }
    }

    @Test
    void columnPassIsBitIdenticalToAStridedPerColumnWalk() {
        Random rnd = new Random(2);
        int rows = 300;
        int cols = 37;
        float[] in = new float[rows * cols];
        for (int i = 0; i < in.length; i++) {
            in[i] = rnd.nextFloat() * 255;
        }
        for (int window : new int[] {1, 2, 3, 7, 12}) {
            float[] fast = new float[in.length];
            new JaroszBoxFilter().boxColumns(in, fast, rows, cols, window);
            float[] strided = new float[in.length];
            for (int c = 0; c < cols; c++) {
                float[] col = new float[rows];
                for (int r = 0; r < rows; r++) {
                    col[r] = in[r * cols + c];
                }
                float[] o = new float[rows];
                PlainPdqSteps.boxRow(col, o, 0, rows, window);
                for (int r = 0; r < rows; r++) {
                    strided[r * cols + c] = o[r];
                }
            }
            assertArrayEquals(strided, fast, "window " + window);
        }
    }

    @Test
    void fullFilterOfAConstantImageStaysConstant() {
        int rows = 257;
        int cols = 300;
        float[] img = new float[rows * cols];
        java.util.Arrays.fill(img, 42.5f);
        PlainPdqSteps.filter(img, new float[img.length], rows, cols);
        for (float v : img) {
            assertEquals(42.5f, v, 1e-4);
        }
    }
}
