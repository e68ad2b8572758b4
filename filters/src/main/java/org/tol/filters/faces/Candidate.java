package org.tol.filters.faces;

/**
 * One face candidate of one image while it moves through the cascade, in working-image pixels. Fields are
 * float32 and updated with float32 arithmetic in facenet-pytorch's order, so boxes match torch's.
 */
final class Candidate {
    final int image;
    float x1;
    float y1;
    float x2;
    float y2;
    float score;
    /** The last net's box regression (dx1, dy1, dx2, dy2, relative to the box size). */
    float[] reg;
    /** Landmarks after O-Net: 5 x then 5 y. */
    float[] landmarks;

    Candidate(int image, float x1, float y1, float x2, float y2, float score, float[] reg) {
        this.image = image;
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
        this.score = score;
        this.reg = reg;
    }

    float[] box() {
        return new float[] {x1, y1, x2, y2};
    }
}
