package org.tol.filters.clip.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The text OpenAI's {@code basic_clean} hands to the BPE (ftfy's quote uncurling, {@code html.unescape} twice,
 * {@code strip()}); expected strings are what those Python functions return for each input.
 */
class PromptCleanerTest {
    @Test
    void entitiesAreUnescapedTwiceAsBasicCleanDoes() {
        assertEquals("fish & chips", PromptCleaner.clean("fish &amp; chips"));
        assertEquals("fish & chips", PromptCleaner.clean("fish &amp;amp; chips"));
        assertEquals("caf\u00e9 <b>", PromptCleaner.clean("caf&eacute; &lt;b&gt;"));
        assertEquals("\u00e9", PromptCleaner.clean("&#233;"));
    }

    @Test
    void curlyQuotesBecomeStraightAndWhitespaceIsStripped() {
        assertEquals("it's \"here\"", PromptCleaner.clean("  it\u2019s \u201chere\u201d \n"));
        assertEquals("'a' \"b\"", PromptCleaner.clean("\u201aa\u201b \u201eb\u201f"));
        // prime marks are not quotes for ftfy's uncurl_quotes
        assertEquals("5\u2032", PromptCleaner.clean("5\u2032"));
    }

    @Test
    void plainPromptsAreUnchanged() {
        assertEquals("a photo of a microscope slide specimen.", PromptCleaner.clean("a photo of a microscope slide specimen."));
    }
}
