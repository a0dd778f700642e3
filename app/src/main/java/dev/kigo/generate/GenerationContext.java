package dev.kigo.generate;

import dev.kigo.model.TextTokenizer;

import java.util.Arrays;

/**
 * What a {@link LogitsProcessor} may look at when it runs: the prompt, the tokens generated so far and their text.
 * One per generation row (or beam); read-only to processors.
 */
public final class GenerationContext {
    private final int[] promptIds;
    private final TextTokenizer tokenizer;
    private final int endOfTextId;
    private int[] generated;
    private int generatedCount;
    private final StringBuilder text;

    GenerationContext(int[] promptIds, TextTokenizer tokenizer, int endOfTextId) {
        this(promptIds, tokenizer, endOfTextId, new int[16], 0, "");
    }

    private GenerationContext(int[] promptIds, TextTokenizer tokenizer, int endOfTextId, int[] generated, int count,
                              String text) {
        this.promptIds = promptIds;
        this.tokenizer = tokenizer;
        this.endOfTextId = endOfTextId;
        this.generated = generated;
        this.generatedCount = count;
        this.text = new StringBuilder(text);
    }

    /** The prompt's token ids (a copy). */
    public int[] promptIds() {
        return promptIds.clone();
    }

    public int promptLength() {
        return promptIds.length;
    }

    /** The generated token ids so far (a copy). */
    public int[] generatedIds() {
        return Arrays.copyOf(generated, generatedCount);
    }

    public int generatedCount() {
        return generatedCount;
    }

    /** Token {@code i} of prompt followed by generated tokens, without copying. */
    public int tokenAt(int i) {
        return i < promptIds.length ? promptIds[i] : generated[i - promptIds.length];
    }

    /** Prompt plus generated tokens. */
    public int length() {
        return promptIds.length + generatedCount;
    }

    /** The text generated so far: whole characters only (a character still split across tokens is not in it yet). */
    public String text() {
        return text.toString();
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public int endOfTextId() {
        return endOfTextId;
    }

    void append(int id, String delta) {
        if (generatedCount == generated.length) {
            generated = Arrays.copyOf(generated, generatedCount * 2);
        }
        generated[generatedCount++] = id;
        text.append(delta);
    }

    void appendText(String delta) {
        text.append(delta);
    }

    CharSequence textView() {
        return text;
    }

    GenerationContext copy() {
        return new GenerationContext(promptIds, tokenizer, endOfTextId, generated.clone(), generatedCount, text.toString());
    }
}
