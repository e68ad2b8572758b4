package org.tol.filters.faces;

/** A detected face: {@code box} x1, y1, x2, y2, its O-Net probability, {@code landmarks} 5 x then 5 y. */
public record Face(float[] box, float prob, float[] landmarks) {
    /** The same face with coordinates scaled by {@code sx} horizontally and {@code sy} vertically. */
    public Face scaled(float sx, float sy) {
        float[] b = {box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy};
        float[] l = new float[10];
        for (int k = 0; k < 5; k++) {
            l[k] = landmarks[k] * sx;
            l[5 + k] = landmarks[5 + k] * sy;
        }
        return new Face(b, prob, l);
    }
}
