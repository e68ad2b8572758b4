package org.tol.models.supportset;

import java.util.Arrays;
import org.tol.api.model.DType;

/**
 * One labelled support vector as stored: its shape ((1, D) or (D,)), the stored dtype, and the values
 * widened to double (float16/float32/float64 all convert exactly).
 */
public record SupportVector(String label, long[] shape, DType dtype, double[] values) {
    public int dim() {
        return values.length;
    }

    /** L2 norm in double precision. */
    public double norm() {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupportVector v && label.equals(v.label) && Arrays.equals(shape, v.shape)
                && dtype == v.dtype && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }

    @Override
    public String toString() {
        return label + " " + Arrays.toString(shape) + " " + dtype;
    }
}
