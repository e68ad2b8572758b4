package org.tol.filters.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NmsTest {
    private static final float[] A = {0, 0, 10, 10};
    private static final float[] B = {1, 1, 11, 11};

    @Test
    void torchvisionIouUsesExclusiveAreas() {
        // inter 9*9 = 81, union 100 + 100 - 81 = 119
        assertEquals(81f / 119f, Nms.overlap(A, B, Nms.Mode.IOU), 1e-7f);
    }

    @Test
    void iouAboveThresholdSuppresses() {
        float[][] boxes = {B, A};
        float[] scores = {0.8f, 0.9f};
        assertArrayEquals(new int[] {1}, Nms.run(boxes, scores, null, 0.5f, Nms.Mode.IOU));
        assertArrayEquals(new int[] {1, 0}, Nms.run(boxes, scores, null, 0.7f, Nms.Mode.IOU));
    }

    @Test
    void groupsNeverSuppressEachOther() {
        float[][] boxes = {A, B};
        float[] scores = {0.9f, 0.8f};
        assertArrayEquals(new int[] {0, 1}, Nms.run(boxes, scores, new int[] {0, 1}, 0.5f, Nms.Mode.IOU));
        assertArrayEquals(new int[] {0}, Nms.run(boxes, scores, new int[] {2, 2}, 0.5f, Nms.Mode.IOU));
    }

    @Test
    void minModeComparesWithTheSmallerInclusiveArea() {
        float[] big = {0, 0, 9, 9}; // 10x10 = 100 pixels inclusive
        float[] inner = {0, 0, 4, 4}; // 5x5 = 25 pixels, fully inside
        assertEquals(1f, Nms.overlap(big, inner, Nms.Mode.MIN));
        assertEquals(0.25f, Nms.overlap(big, inner, Nms.Mode.UNION));
        float[][] boxes = {big, inner};
        float[] scores = {0.99f, 0.98f};
        assertArrayEquals(new int[] {0}, Nms.run(boxes, scores, null, 0.7f, Nms.Mode.MIN));
        assertArrayEquals(new int[] {0, 1}, Nms.run(boxes, scores, null, 0.7f, Nms.Mode.UNION));
    }

    @Test
    void overlapEqualToThresholdSurvives() {
        // Min overlap exactly 0.5: {0,0,9,9} vs {0,0,9,4}: inter 50, min area 50 -> 1; use half overlap instead
        float[] a = {0, 0, 9, 9};
        float[] b = {0, 5, 9, 14}; // inter 10x5 = 50, both areas 100 -> Min overlap 0.5
        float[][] boxes = {a, b};
        float[] scores = {0.9f, 0.8f};
        assertArrayEquals(new int[] {0, 1}, Nms.run(boxes, scores, null, 0.5f, Nms.Mode.MIN));
    }

    @Test
    void maxKeepStopsEarly() {
        float[][] boxes = {{0, 0, 1, 1}, {5, 5, 6, 6}, {9, 9, 10, 10}};
        float[] scores = {0.1f, 0.3f, 0.2f};
        assertArrayEquals(new int[] {1, 2}, Nms.run(boxes, scores, null, 0.5f, Nms.Mode.IOU, 2));
    }
}
