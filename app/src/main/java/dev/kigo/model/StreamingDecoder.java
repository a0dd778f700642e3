package dev.kigo.model;

import java.util.Arrays;

/**
 * Turns generated ids into text deltas one token at a time. A character split across tokens ("ō" is two bytes,
 * an emoji four, each possibly its own token) is held back until its last byte arrives, so no delta ever carries a
 * broken character. It decodes only a small window of recent ids with one token of context before it (the way
 * HuggingFace's text-generation-inference does), so each step costs the same however long the text grows.
 */
public final class StreamingDecoder {
    private static final char REPLACEMENT = '\uFFFD';
    /** UTF-8 needs at most 4 bytes: a character still broken after this many held tokens never will be whole. */
    private static final int MAX_HELD_TOKENS = 4;

    private final TextTokenizer tokenizer;
    private int[] ids = new int[64];
    private int size;
    private int prefixOffset;
    private int readOffset;

    StreamingDecoder(TextTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Adds one token and returns the text it completes; empty while a character is still incomplete. */
    public String push(int id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
        String before = tokenizer.decode(ids, prefixOffset, readOffset);
        String now = tokenizer.decode(ids, prefixOffset, size);
        boolean incomplete = !now.isEmpty() && now.charAt(now.length() - 1) == REPLACEMENT;
        if (now.length() > before.length() && (!incomplete || size - readOffset >= MAX_HELD_TOKENS)) {
            prefixOffset = readOffset;
            readOffset = size;
            return now.substring(before.length());
        }
        return "";
    }

    /** Whatever is still held back (an unfinished character at the very end), as decoded. */
    public String flush() {
        if (readOffset == size) {
            return "";
        }
        String before = tokenizer.decode(ids, prefixOffset, readOffset);
        String now = tokenizer.decode(ids, prefixOffset, size);
        prefixOffset = readOffset;
        readOffset = size;
        return now.length() > before.length() ? now.substring(before.length()) : "";
    }
}
