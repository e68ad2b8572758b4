package org.tol.wds.taxon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python 3 string semantics the reference's naming rules depend on: {@code str.isspace} (wider than Java's
 * {@code Character.isWhitespace}: it includes NBSP and U+202F), {@code split()} on whitespace runs,
 * {@code strip()}, {@code lower()} and {@code capitalize()} (first character title-cased with the full case
 * mapping, the rest lower-cased).
 */
public final class PyStrings {
    private PyStrings() {}

    /** Python's str.isspace for one code point (bidi class WS/B/S or category Zs). */
    public static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0b, 0x0c, '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029,
                    0x202f, 0x205f, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200a;
        };
    }

    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < n && !isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** " ".join(s.split()): whitespace runs collapse to one space, ends trimmed. */
    public static String collapse(String s) {
        return String.join(" ", split(s));
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int len = Character.charCount(first);
        String head;
        int title = Character.toTitleCase(first);
        String upper = new String(Character.toChars(first)).toUpperCase(Locale.ROOT);
        if (title == first && upper.codePointCount(0, upper.length()) > 1) {
            // full mapping expands (ß → "Ss", ﬁ → "Fi"): Python title-cases the first, lower-cases the rest
            int u0 = upper.codePointAt(0);
            head = new String(Character.toChars(u0)) + lower(upper.substring(Character.charCount(u0)));
        } else {
            head = new String(Character.toChars(title));
        }
        return head + lower(s.substring(len));
    }
}
