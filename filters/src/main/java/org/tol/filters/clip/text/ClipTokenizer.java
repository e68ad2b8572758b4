package org.tol.filters.clip.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;

/**
 * CLIP's text tokenizer from a published {@code tokenizer.json} (Hugging Face's {@code openai/clip-vit-large-patch14}
 * and friends: byte-level BPE with {@code </w>} word ends, lower-cased, {@code <|startoftext|>} and
 * {@code <|endoftext|>} added), laid out as OpenAI's {@code clip.tokenize} returns it: {@value #CONTEXT} ids, zero
 * after the end token. A prompt longer than that is an error, as in {@code clip.tokenize} (truncate=False).
 * OpenAI's Python tokenizer also cleans the text first (HTML entities, curly quotes): {@link PromptCleaner} does that.
 */
public final class ClipTokenizer implements AutoCloseable {
    public static final int CONTEXT = 77;

    private final HuggingFaceTokenizer tokenizer;

    private ClipTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static ClipTokenizer load(Path tokenizerJson) {
        try {
            // no padding or truncation by the library: the layout is OpenAI's, done below
            return new ClipTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true")));
        } catch (IOException | RuntimeException e) {
            throw new TolException("cannot load the tokenizer " + tokenizerJson + ": " + e.getMessage(),
                    "pass CLIP's tokenizer.json (e.g. from the Hugging Face repository openai/clip-vit-large-patch14-336)",
                    ExitCodes.USAGE, e);
        }
    }

    /** The ids of {@code text} with start and end tokens, unpadded. */
    public long[] ids(String text) {
        Encoding e = tokenizer.encode(PromptCleaner.clean(text));
        return e.getIds();
    }

    /** {@link #CONTEXT} ids: start, the text's tokens, end, then zeros. */
    public long[] context(String text) {
        long[] ids = ids(text);
        if (ids.length > CONTEXT) {
            throw TolException.usage("prompt too long for CLIP's context of " + CONTEXT + " tokens (" + ids.length + "): " + text,
                    "shorten the prompt");
        }
        long[] out = new long[CONTEXT];
        System.arraycopy(ids, 0, out, 0, ids.length);
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
