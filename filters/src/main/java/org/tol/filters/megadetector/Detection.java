package org.tol.filters.megadetector;

/** One decoded box in letterbox pixels ({@code x1, y1, x2, y2}), its class index (0 animal, 1 person, 2 vehicle) and confidence. */
public record Detection(int classId, float conf, float x1, float y1, float x2, float y2) {
    float[] xyxy() {
        return new float[] {x1, y1, x2, y2};
    }
}
