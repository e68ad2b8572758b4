package org.tol.runtime.mpj;

import org.tol.api.TolException;

/**
 * {@code --mpj}: {@code none} (default; static plan), {@code multicore:N} (N ranks as threads of this JVM,
 * MPJ's shared-memory device) or {@code niodev} (this JVM is one rank of an srun step; TCP device).
 */
public record MpjMode(Kind kind, int ranks) {
    public enum Kind { NONE, MULTICORE, NIODEV }

    public static MpjMode parse(String text) {
        String t = text == null ? "none" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty() || t.equals("none") || t.equals("off")) {
            return new MpjMode(Kind.NONE, 0);
        }
        if (t.equals("niodev")) {
            return new MpjMode(Kind.NIODEV, 0);
        }
        if (t.startsWith("multicore:")) {
            try {
                int n = Integer.parseInt(t.substring("multicore:".length()));
                if (n >= 1) {
                    return new MpjMode(Kind.MULTICORE, n);
                }
            } catch (NumberFormatException e) {
                // fall through to the usage error
            }
        }
        throw TolException.usage("unknown --mpj value '" + text + "'", "use none, multicore:N or niodev");
    }
}
