package org.tol.api.model;

import java.util.Locale;

/**
 * Where a model runs: the CPU or one CUDA device (index as seen by this process). {@code required}: the user
 * asked for this device explicitly ({@code --device cuda}), so an engine that cannot use it must fail instead
 * of falling back to the CPU as it does for {@code --device auto}.
 */
public record Device(Kind kind, int index, boolean required) {
    public enum Kind { CPU, CUDA }

    public static final Device CPU = new Device(Kind.CPU, 0, false);

    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index, false);
    }

    /** The same device, marked as explicitly asked for. */
    public Device asRequired() {
        return new Device(kind, index, true);
    }

    public boolean isCuda() {
        return kind == Kind.CUDA;
    }

    /** Parses {@code cpu}, {@code cuda}, {@code cuda:N}. ({@code auto} is resolved by the rank runtime.) */
    public static Device parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        if (t.equals("cuda") || t.equals("gpu")) {
            return cuda(0);
        }
        if (t.startsWith("cuda:")) {
            return cuda(Integer.parseInt(t.substring(5)));
        }
        throw new IllegalArgumentException("unknown device '" + text + "': use cpu, cuda or cuda:N");
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
