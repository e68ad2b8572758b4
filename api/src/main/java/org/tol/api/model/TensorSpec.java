package org.tol.api.model;

import java.util.Arrays;

/** Declared name, shape and type of a model input or output; -1 in {@code shape} marks a dynamic axis. */
public record TensorSpec(String name, long[] shape, DType dtype) {
    public int rank() {
        return shape.length;
    }

    /** True when every fixed axis of this spec equals the given axis (-1 in {@code expected} matches any). */
    public boolean fits(long... expected) {
        if (expected.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (expected[i] >= 0 && shape[i] >= 0 && expected[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape).replace(" ", "") + " " + dtype.name().toLowerCase();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape) && dtype == t.dtype;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }
}
