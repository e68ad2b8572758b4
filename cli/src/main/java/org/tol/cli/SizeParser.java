package org.tol.cli;

import java.util.Locale;
import org.tol.api.TolException;

/** Parses sizes like {@code 0}, {@code 4096}, {@code 512k}, {@code 512m}, {@code 2g} (binary units). */
public final class SizeParser {
    private SizeParser() {}

    public static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long mult = 1;
        if (!t.isEmpty()) {
            char last = t.charAt(t.length() - 1);
            int shift = switch (last) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                case 't' -> 40;
                default -> 0;
            };
            if (shift > 0) {
                mult = 1L << shift;
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            return Math.round(Double.parseDouble(t) * mult);
        } catch (NumberFormatException e) {
            throw TolException.usage("cannot read size '" + text + "'", "use e.g. 512m, 2g or 0");
        }
    }
}
