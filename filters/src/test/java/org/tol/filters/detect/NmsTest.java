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

    /** The all-pairs greedy NMS written out plainly, to check the grid-accelerated one against. */
    private static int[] reference(float[][] boxes, float[] scores, int[] groups, float t, Nms.Mode mode) {
        Integer[] order = new Integer[boxes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Float.compare(scores[q], scores[p]));
        boolean[] removed = new boolean[boxes.length];
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int a = 0; a < order.length; a++) {
            if (removed[order[a]]) {
                continue;
            }
            keep.add(order[a]);
            for (int b = a + 1; b < order.length; b++) {
                if (groups[order[a]] == groups[order[b]] && Nms.overlap(boxes[order[a]], boxes[order[b]], mode) > t) {
                    removed[order[b]] = true;
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void gridAcceleratedNmsKeepsExactlyWhatAllPairsKeeps() {
        java.util.Random rnd = new java.util.Random(9);
        for (int trial = 0; trial < 20; trial++) {
            int n = 100 + rnd.nextInt(900);
            float[][] boxes = new float[n][];
            float[] scores = new float[n];
            int[] groups = new int[n];
            for (int i = 0; i < n; i++) {
                // dense clusters of P-Net-like cells at several sizes plus scattered large boxes
                float size = trial % 2 == 0 ? 20 * (1 + rnd.nextInt(4)) : 5 + rnd.nextFloat() * 300;
                float x = rnd.nextInt(3) * 150 + rnd.nextFloat() * 80;
                float y = rnd.nextInt(3) * 150 + rnd.nextFloat() * 80;
                boxes[i] = new float[] {x, y, x + size, y + size};
                scores[i] = rnd.nextInt(50) / 50f; // many ties
                groups[i] = rnd.nextInt(3);
            }
            for (Nms.Mode mode : Nms.Mode.values()) {
                float t = mode == Nms.Mode.MIN ? 0.7f : 0.5f;
                assertArrayEquals(reference(boxes, scores, groups, t, mode), Nms.run(boxes, scores, groups, t, mode),
                        "trial " + trial + " " + mode);
            }
        }
    }
}
