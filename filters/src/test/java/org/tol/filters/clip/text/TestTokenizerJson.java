package org.tol.filters.clip.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tol.io.json.Json;

/**
 * A small tokenizer.json with the structure of Hugging Face's CLIP tokenizer (NFC, whitespace collapse and lower
 * case; CLIP's split regex then byte-level; BPE with {@code </w>} word ends; start/end tokens added by a
 * RobertaProcessing post-processor) and a vocabulary of a few words: "a", "photo", "of", "cat" and "dog" under their
 * CLIP ids as Hugging Face's documentation and tests print them ("a photo of a cat" = 49406 320 1125 539 320 2368 49407);
 * "bird" and "fish" and the intermediate merge tokens get made-up ids from 40000 on.
 */
public final class TestTokenizerJson {
    /** Words with their ids (the first five as in CLIP's published vocabulary, the last two made up). */
    public static final Map<String, Integer> WORDS = new LinkedHashMap<>(Map.of("a", 320, "photo", 1125, "of", 539,
            "cat", 2368, "dog", 1929, "bird", 45001, "fish", 45002));

    private TestTokenizerJson() {}

    public static String build() throws Exception {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        added.add(special(49406, "<|startoftext|>"));
        added.add(special(49407, "<|endoftext|>"));
        ObjectNode norm = root.putObject("normalizer");
        norm.put("type", "Sequence");
        ArrayNode ns = norm.putArray("normalizers");
        ns.addObject().put("type", "NFC");
        ObjectNode rep = ns.addObject();
        rep.put("type", "Replace");
        rep.putObject("pattern").put("Regex", "\\s+");
        rep.put("content", " ");
        ns.addObject().put("type", "Lowercase");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Sequence");
        ArrayNode ps = pre.putArray("pretokenizers");
        ObjectNode split = ps.addObject();
        split.put("type", "Split");
        split.putObject("pattern").put("Regex",
                "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+");
        split.put("behavior", "Removed");
        split.put("invert", true);
        ObjectNode bl = ps.addObject();
        bl.put("type", "ByteLevel");
        bl.put("add_prefix_space", false);
        bl.put("trim_offsets", true);
        bl.put("use_regex", false);
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "RobertaProcessing");
        post.putArray("sep").add("<|endoftext|>").add(49407);
        post.putArray("cls").add("<|startoftext|>").add(49406);
        post.put("trim_offsets", false);
        post.put("add_prefix_space", false);
        ObjectNode dec = root.putObject("decoder");
        dec.put("type", "ByteLevel");
        dec.put("add_prefix_space", true);
        dec.put("trim_offsets", true);
        dec.put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.put("unk_token", "<|endoftext|>");
        model.put("continuing_subword_prefix", "");
        model.put("end_of_word_suffix", "</w>");
        model.put("fuse_unk", false);
        ObjectNode vocab = model.putObject("vocab");
        ArrayNode merges = model.putArray("merges");
        int[] next = {40000};
        for (Map.Entry<String, Integer> w : WORDS.entrySet()) {
            String word = w.getKey();
            String[] symbols = new String[word.length()];
            for (int i = 0; i < word.length(); i++) {
                symbols[i] = word.charAt(i) + (i == word.length() - 1 ? "</w>" : "");
                if (!vocab.has(symbols[i])) {
                    vocab.put(symbols[i], next[0]++);
                }
            }
            // merge left to right: ((s0 s1) s2) ...; the whole word gets its real CLIP id
            String acc = symbols[0];
            for (int i = 1; i < symbols.length; i++) {
                merges.add(acc + " " + symbols[i]);
                acc = acc + symbols[i];
                if (i < symbols.length - 1 && !vocab.has(acc)) {
                    vocab.put(acc, next[0]++);
                }
            }
            vocab.put(word + "</w>", w.getValue());
        }
        vocab.put("<|startoftext|>", 49406);
        vocab.put("<|endoftext|>", 49407);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode special(int id, String content) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", id);
        n.put("content", content);
        n.put("single_word", false);
        n.put("lstrip", false);
        n.put("rstrip", false);
        n.put("normalized", true);
        n.put("special", true);
        return n;
    }
}
