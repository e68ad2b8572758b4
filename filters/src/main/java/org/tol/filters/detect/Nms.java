package org.tol.filters.detect;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Greedy non-maximum suppression over boxes given as {@code [x1, y1, x2, y2]}, independently per group
 * (class or image), in the two conventions the detectors need.
 *
 * <p>{@link Mode#IOU} is torchvision's {@code nms}/{@code batched_nms} (used by ultralytics and by
 * facenet-pytorch stages 1 and 2): area {@code (x2-x1)*(y2-y1)}, a box is suppressed when its IoU with a
 * kept box is {@code > threshold}. {@link Mode#MIN} and {@link Mode#UNION} are facenet-pytorch's
 * {@code nms_numpy} (the Caffe MTCNN convention, stage 3 uses "Min"): areas and intersections count
 * pixels inclusively ({@code +1}), overlap is the intersection over the smaller area (Min) or the union,
 * and a box survives while the overlap is {@code <= threshold}.
 */
public final class Nms {
    /** Above this many boxes a {@link BoxGrid} limits the pairs compared; results are identical. */
    static final int GRID_MIN = 64;

    public enum Mode { IOU, UNION, MIN }

    private Nms() {}

    /**
     * Returns the indices of the kept boxes, highest score first (the order torchvision's batched_nms and
     * nms_numpy return). Equal scores keep their input order.
     *
     * @param boxes n rows of {x1, y1, x2, y2}
     * @param groups group id per box (boxes of different groups never suppress each other); null = one group
     */
    public static int[] run(float[][] boxes, float[] scores, int[] groups, float threshold, Mode mode) {
        return run(boxes, scores, groups, threshold, mode, Integer.MAX_VALUE);
    }

    /** As {@link #run(float[][], float[], int[], float, Mode)}, stopping after {@code maxKeep} boxes (ultralytics' max_det). */
    public static int[] run(float[][] boxes, float[] scores, int[] groups, float threshold, Mode mode, int maxKeep) {
        int n = boxes.length;
        int[] order = byScoreDescending(scores);
        // flat copies in score order: the inner loop is the hot path of MTCNN's stage 1 on busy images
        float plus = mode == Mode.IOU ? 0f : 1f;
        float[] x1 = new float[n];
        float[] y1 = new float[n];
        float[] x2 = new float[n];
        float[] y2 = new float[n];
        float[] area = new float[n];
        int[] group = new int[n];
        for (int a = 0; a < n; a++) {
            float[] b = boxes[order[a]];
            x1[a] = b[0];
            y1[a] = b[1];
            x2[a] = b[2];
            y2[a] = b[3];
            area[a] = (b[2] - b[0] + plus) * (b[3] - b[1] + plus);
            group[a] = groups == null ? 0 : groups[order[a]];
        }
        boolean[] removed = new boolean[n];
        int[] keep = new int[n];
        int kept = 0;
        BoxGrid grid = n > GRID_MIN ? BoxGrid.of(x1, y1, x2, y2, plus) : null;
        int[] near = grid == null ? null : new int[n];
        for (int a = 0; a < n && kept < maxKeep; a++) {
            if (removed[a]) {
                continue;
            }
            keep[kept++] = order[a];
            int count = grid == null ? n : grid.near(x1[a], y1[a], x2[a], y2[a], near);
            for (int k = grid == null ? a + 1 : 0; k < count; k++) {
                int b = grid == null ? k : near[k];
                if (b <= a || removed[b] || group[a] != group[b]) {
                    continue;
                }
                float iw = Math.min(x2[a], x2[b]) - Math.max(x1[a], x1[b]) + plus;
                float ih = Math.min(y2[a], y2[b]) - Math.max(y1[a], y1[b]) + plus;
                if (iw <= 0f || ih <= 0f) {
                    continue;
                }
                float inter = iw * ih;
                float denom = mode == Mode.MIN ? Math.min(area[a], area[b]) : area[a] + area[b] - inter;
                if (denom > 0f && inter / denom > threshold) {
                    removed[b] = true;
                }
            }
        }
        return java.util.Arrays.copyOf(keep, kept);
    }

    /** Indices sorted by score, highest first; ties keep input order (a stable sort). */
    private static int[] byScoreDescending(float[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** The overlap measure of {@code mode} between two boxes (IoU, inclusive IoU, or inclusive intersection over min area). */
    public static float overlap(float[] a, float[] b, Mode mode) {
        float plus = mode == Mode.IOU ? 0f : 1f;
        float iw = Math.max(0f, Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + plus);
        float ih = Math.max(0f, Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + plus);
        float inter = iw * ih;
        float areaA = (a[2] - a[0] + plus) * (a[3] - a[1] + plus);
        float areaB = (b[2] - b[0] + plus) * (b[3] - b[1] + plus);
        float denom = mode == Mode.MIN ? Math.min(areaA, areaB) : areaA + areaB - inter;
        return denom <= 0f ? 0f : inter / denom;
    }
}
