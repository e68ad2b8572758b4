package org.tol.filters.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * The P-Net scale pyramid of facenet-pytorch's {@code detect_face}: start at {@code m = 12/min_face},
 * multiply by {@code factor} while the short side times the scale is at least 12; level {@code k} is
 * resampled to {@code int(h*scale + 1) x int(w*scale + 1)}. Computed in double, in the same order as the
 * Python code, so the level sizes match.
 */
public final class Pyramid {
    private final List<Double> scales;
    private final int height;
    private final int width;

    public Pyramid(int height, int width, double minFace, double factor) {
        if (!(minFace > 0) || !(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("need --min-face > 0 and 0 < --factor < 1, got " + minFace + ", " + factor);
        }
        this.height = height;
        this.width = width;
        double m = 12.0 / minFace;
        double minl = Math.min(height, width) * m;
        double scale = m;
        List<Double> s = new ArrayList<>();
        while (minl >= 12) {
            s.add(scale);
            scale = scale * factor;
            minl = minl * factor;
        }
        this.scales = List.copyOf(s);
    }

    public List<Double> scales() {
        return scales;
    }

    public int levels() {
        return scales.size();
    }

    public int levelHeight(int k) {
        return (int) (height * scales.get(k) + 1);
    }

    public int levelWidth(int k) {
        return (int) (width * scales.get(k) + 1);
    }
}
