package org.tol.wds.taxon;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bioclip's {@code strip_html}, {@code clean_name} and {@code clean_rank} ({@code src/imageomics/naming.py}).
 * Python's {@code \w} is Unicode letters, numbers and '_', its {@code \d} the decimal digits, and its '.' stops
 * only at '\n'; the patterns below spell those out so Java matches the same text.
 */
public final class NameCleaning {
    private static final String W = "[\\p{L}\\p{N}_]";
    private static final String D = "\\p{Nd}";
    private static final Pattern HTML = Pattern.compile("<.*?>(.*?)</.*?>", Pattern.UNIX_LINES);
    /** clean_name's patterns in order; the name is cut at the first match of each in turn. */
    private static final List<Pattern> CUTS = List.of(
            Pattern.compile("\\("),
            Pattern.compile("ssp\\."),
            Pattern.compile("subsp\\."),
            Pattern.compile("var\\."),
            Pattern.compile(W + "+, " + W + "+ & " + W + "+"),
            Pattern.compile(W + "+ & " + W + "+"),
            Pattern.compile(W + "+ " + D + D + D + D),
            Pattern.compile(W + "+, " + D + D + D + D),
            Pattern.compile(D + D + D + D),
            Pattern.compile(" [A-z]\\."), // sic: A-z also spans [\]^_` as in the reference
            Pattern.compile("<br ?>"));
    private static final List<String> UNKNOWN = List.of("(unidentified)", "unknown", "pleasehelp");

    private NameCleaning() {}

    /** Repeatedly replaces {@code <a>text</b>} by {@code text} until nothing changes. */
    public static String stripHtml(String s) {
        while (true) {
            String next = HTML.matcher(s).replaceAll("$1");
            if (next.equals(s)) {
                return s;
            }
            s = next;
        }
    }

    public static String cleanName(String name) {
        name = PyStrings.strip(stripHtml(PyStrings.lower(name)));
        for (Pattern p : CUTS) {
            Matcher m = p.matcher(name);
            if (m.find()) {
                name = PyStrings.strip(name.substring(0, m.start()));
            }
        }
        return name;
    }

    public static String cleanRank(String value) {
        String v = PyStrings.lower(stripHtml(value));
        return UNKNOWN.contains(v) ? "" : v;
    }
}
