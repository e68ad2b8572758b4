package org.tol.models.supportset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Labelled class embeddings in file order (the reference's dict insertion order, cluster keys such as
 * {@code label/3} kept verbatim). Classification uses {@link #normalisedMatrix()}.
 */
public record SupportSet(List<SupportVector> vectors, String format) {
    public SupportSet {
        vectors = List.copyOf(vectors);
        if (vectors.isEmpty()) {
            throw new SupportSetFormatException("support set is empty: it needs at least one labelled vector");
        }
        int d = vectors.get(0).dim();
        Set<String> seen = new HashSet<>();
        for (SupportVector v : vectors) {
            if (v.dim() != d) {
                throw new SupportSetFormatException("support vector '" + v.label() + "' has " + v.dim()
                        + " values but '" + vectors.get(0).label() + "' has " + d + ": all must have the same length");
            }
            if (!seen.add(v.label())) {
                throw new SupportSetFormatException("label '" + v.label() + "' appears twice in the support set");
            }
        }
    }

    public int size() {
        return vectors.size();
    }

    public int dim() {
        return vectors.get(0).dim();
    }

    public List<String> labels() {
        List<String> l = new ArrayList<>(vectors.size());
        vectors.forEach(v -> l.add(v.label()));
        return l;
    }

    /**
     * Row-major [K, D] float32 matrix of L2-normalised vectors. Like the reference, the normalisation happens
     * in the stored precision (double here) before the cast to float32. A zero vector cannot be normalised
     * and is rejected rather than silently producing NaN scores.
     */
    public float[] normalisedMatrix() {
        int d = dim();
        float[] m = new float[size() * d];
        for (int k = 0; k < size(); k++) {
            SupportVector v = vectors.get(k);
            double n = v.norm();
            if (!(n > 0) || Double.isInfinite(n)) {
                throw new SupportSetFormatException("support vector '" + v.label() + "' has norm " + n
                        + " and cannot be L2-normalised");
            }
            for (int i = 0; i < d; i++) {
                m[k * d + i] = (float) (v.values()[i] / n);
            }
        }
        return m;
    }
}
