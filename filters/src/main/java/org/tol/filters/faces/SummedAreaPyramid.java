package org.tol.filters.faces;

/**
 * All P-Net pyramid levels of one working image from one {@link SummedAreaTable}: about one pass over
 * the image plus four lookups per output value, with {@link AreaResize}'s exact values.
 */
final class SummedAreaPyramid {
    private static final ThreadLocal<SummedAreaTable> TABLES = ThreadLocal.withInitial(SummedAreaTable::new);

    private SummedAreaPyramid() {}

    static float[][] levels(byte[] rgb, int w, int h, Pyramid pyramid) {
        SummedAreaTable sat = TABLES.get().fill(rgb, w, h);
        float[][] out = new float[pyramid.levels()][];
        for (int k = 0; k < out.length; k++) {
            int oh = pyramid.levelHeight(k);
            int ow = pyramid.levelWidth(k);
            out[k] = new float[3 * oh * ow];
            sat.resizeNormalized(0, 0, w, h, ow, oh, out[k], 0);
        }
        return out;
    }
}
