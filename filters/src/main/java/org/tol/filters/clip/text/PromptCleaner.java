package org.tol.filters.clip.text;

import org.apache.commons.text.StringEscapeUtils;

/**
 * What OpenAI's {@code simple_tokenizer.basic_clean} does to a prompt before the BPE, as far as a published
 * {@code tokenizer.json} cannot express it: {@code html.unescape} applied twice (so {@code "fish &amp; chips"}
 * tokenizes as {@code "fish & chips"}), and the part of {@code ftfy.fix_text} that changes ordinary prompts,
 * curly quotes made straight ({@code it’s} → {@code it's}). Surrounding whitespace goes, as {@code strip()}.
 * The rest (NFC, whitespace collapsing, lower-casing) is in the tokenizer.json's normalizer.
 *
 * <p>Not covered: the HTML5-only named entities ({@code StringEscapeUtils} knows HTML 4's and numeric ones) and
 * ftfy's mojibake repair, which a hand-written prompt does not need.
 */
final class PromptCleaner {
    private PromptCleaner() {}

    static String clean(String text) {
        String s = uncurlQuotes(text);
        s = StringEscapeUtils.unescapeHtml4(StringEscapeUtils.unescapeHtml4(s));
        return s.strip();
    }

    /** ftfy's {@code uncurl_quotes}: U+2018–U+201B become {@code '}, U+201C–U+201F {@code "} (its two character classes). */
    static String uncurlQuotes(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B' -> b.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F' -> b.append('"');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
