package org.tol.filters.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** facenet-pytorch's box helpers on hand-worked values. */
class BoxStepsTest {
    @Test
    void cellsAboveThresholdBecomeBoxesAtTheirScale() {
        int h = 4;
        int w = 6;
        float[] prob = new float[h * w];
        float[] reg = new float[4 * h * w];
        prob[3 * w + 5] = 0.95f; // row 3, column 5
        prob[1 * w + 2] = 0.9f; // exactly the threshold: kept (>=)
        prob[0] = 0.89f;
        reg[2 * h * w + 3 * w + 5] = 0.25f; // dx2 of the (3,5) cell
        List<Candidate> c = BoxSteps.generate(7, reg, 0, prob, 0, h, w, 0.5, 0.9f);
        assertEquals(2, c.size());
        Candidate first = c.get(0); // row-major order: (1,2) before (3,5)
        assertArrayEquals(new float[] {10, 6, 32, 28}, first.box()); // floor((2*2+1)/0.5) = 10, floor((2*2+12)/0.5) = 32
        Candidate second = c.get(1);
        assertEquals(7, second.image);
        assertArrayEquals(new float[] {22, 14, 44, 36}, second.box());
        assertArrayEquals(new float[] {0, 0, 0.25f, 0}, second.reg);
        assertEquals(0.95f, second.score);
    }

    @Test
    void divisionByScaleIsAFloatReciprocalLikeTorchOnCuda() {
        // 1/0.6f = 1.6666666f; 41 * that = 68.33 -> 68, 52 * that = 86.67 -> 86
        float[] prob = new float[11 * 21];
        prob[10 * 21 + 20] = 1f;
        Candidate c = BoxSteps.generate(0, new float[4 * 11 * 21], 0, prob, 0, 11, 21, 0.6, 0.9f).get(0);
        assertArrayEquals(new float[] {68, 35, 86, 53}, c.box());
    }

    @Test
    void stage1RefinementUsesExclusiveSizeThenSquares() {
        Candidate c = new Candidate(0, 22, 14, 44, 36, 0.9f, new float[] {0, 0, 0.5f, 0});
        BoxSteps.refineStage1(c); // w = 22: x2 = 44 + 11 = 55
        assertArrayEquals(new float[] {22, 14, 55, 36}, c.box());
        BoxSteps.square(c); // w 33, h 22 -> side 33 around the same centre: y1 = 14 + 11 - 16.5
        assertArrayEquals(new float[] {22, 8.5f, 55, 41.5f}, c.box());
    }

    @Test
    void bbregUsesInclusiveSize() {
        Candidate c = new Candidate(0, 10, 10, 29, 29, 0.9f, new float[] {0.1f, 0.2f, -0.1f, 0});
        BoxSteps.bbreg(c); // w = h = 20
        assertArrayEquals(new float[] {12, 14, 27, 29}, c.box(), 1e-6f);
    }

    @Test
    void padTruncatesAndClampsToOneBasedImageCoordinates() {
        Candidate c = new Candidate(0, -3.7f, 5.9f, 730.2f, 100.5f, 1f, null);
        assertArrayEquals(new int[] {1, 5, 720, 100}, BoxSteps.pad(c, 720, 720));
        assertNull(BoxSteps.pad(new Candidate(0, -30, -30, -5, -5, 1f, null), 720, 720));
    }

    @Test
    void landmarksScaleWithTheInclusiveBox() {
        Candidate c = new Candidate(0, 10, 20, 29, 39, 1f, null); // 20 x 20 pixels
        float[] pts = {0, 0.25f, 0.5f, 0.75f, 1, 0, 0.25f, 0.5f, 0.75f, 1};
        float[] l = BoxSteps.landmarks(c, pts, 0);
        assertArrayEquals(new float[] {9, 14, 19, 24, 29, 19, 24, 29, 34, 39}, l, 1e-6f);
    }
}
