package org.tol.filters.detect;

/**
 * A uniform grid over box corners so NMS only compares a kept box with boxes that can intersect it. MTCNN's
 * P-Net emits thousands of heavily overlapping cells on busy images, where the plain all-pairs loop
 * dominates the CPU time. Cells are at least as large as the largest box, so the boxes that can touch box
 * {@code a} have their top-left corner within one cell-span of it; the grid is coarsened when boxes are
 * sparse so it never has more than about 4n cells.
 */
final class BoxGrid {
    private final float minX;
    private final float minY;
    private final float cellW;
    private final float cellH;
    private final float reachX;
    private final float reachY;
    private final float plus;
    private final int cols;
    private final int rows;
    private final int[] start;
    private final int[] items;

    /** Null when some coordinate is not finite (the caller then compares all pairs). */
    static BoxGrid of(float[] x1, float[] y1, float[] x2, float[] y2, float plus) {
        for (int i = 0; i < x1.length; i++) {
            if (!Float.isFinite(x1[i] + y1[i] + x2[i] + y2[i])) {
                return null;
            }
        }
        return new BoxGrid(x1, y1, x2, y2, plus);
    }

    private BoxGrid(float[] x1, float[] y1, float[] x2, float[] y2, float plus) {
        int n = x1.length;
        this.plus = plus;
        float mnX = Float.MAX_VALUE;
        float mnY = Float.MAX_VALUE;
        float mxX = -Float.MAX_VALUE;
        float mxY = -Float.MAX_VALUE;
        float maxW = 0f;
        float maxH = 0f;
        for (int i = 0; i < n; i++) {
            mnX = Math.min(mnX, x1[i]);
            mnY = Math.min(mnY, y1[i]);
            mxX = Math.max(mxX, x1[i]);
            mxY = Math.max(mxY, y1[i]);
            maxW = Math.max(maxW, x2[i] - x1[i]);
            maxH = Math.max(maxH, y2[i] - y1[i]);
        }
        minX = mnX;
        minY = mnY;
        reachX = maxW + plus;
        reachY = maxH + plus;
        double cw = Math.max(reachX, 1e-3);
        double ch = Math.max(reachY, 1e-3);
        double cells = (Math.floor((mxX - mnX) / cw) + 1) * (Math.floor((mxY - mnY) / ch) + 1);
        if (cells > 4.0 * n + 16) {
            double f = Math.sqrt(cells / (4.0 * n + 16));
            cw *= f;
            ch *= f;
        }
        cellW = (float) cw;
        cellH = (float) ch;
        cols = (int) ((mxX - mnX) / cellW) + 1;
        rows = (int) ((mxY - mnY) / cellH) + 1;
        start = new int[cols * rows + 1];
        int[] cell = new int[n];
        for (int i = 0; i < n; i++) {
            cell[i] = row(y1[i]) * cols + col(x1[i]);
            start[cell[i] + 1]++;
        }
        for (int c = 0; c < cols * rows; c++) {
            start[c + 1] += start[c];
        }
        items = new int[n];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            items[fill[cell[i]]++] = i;
        }
    }

    private int col(float x) {
        return Math.max(0, Math.min(cols - 1, (int) Math.floor((x - minX) / cellW)));
    }

    private int row(float y) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - minY) / cellH)));
    }

    /** Writes into {@code out} the indices of boxes whose top-left corner allows them to intersect the given box; returns how many. */
    int near(float ax1, float ay1, float ax2, float ay2, int[] out) {
        int c0 = col(ax1 - reachX);
        int c1 = col(ax2 + plus);
        int r0 = row(ay1 - reachY);
        int r1 = row(ay2 + plus);
        int k = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cellIndex = r * cols + c;
                for (int p = start[cellIndex]; p < start[cellIndex + 1]; p++) {
                    out[k++] = items[p];
                }
            }
        }
        return k;
    }
}
