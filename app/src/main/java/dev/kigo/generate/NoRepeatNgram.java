package dev.kigo.generate;

/**
 * Forbids any token that would complete an n-gram already present in the sequence (prompt included), as
 * HuggingFace's no_repeat_ngram_size does.
 */
public final class NoRepeatNgram implements LogitsProcessor {
    private final int size;

    public NoRepeatNgram(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("No-repeat n-gram size must be at least 1, not " + size + ".");
        }
        this.size = size;
    }

    @Override
    public void process(float[] logits, GenerationContext context) {
        int length = context.length();
        if (length + 1 < size) {
            return;
        }
        // The n-1 tokens that end the sequence; any earlier occurrence bans the token that followed it.
        int prefixStart = length - (size - 1);
        for (int start = 0; start + size - 1 < length; start++) {
            boolean match = true;
            for (int k = 0; k < size - 1 && match; k++) {
                match = context.tokenAt(start + k) == context.tokenAt(prefixStart + k);
            }
            if (match) {
                int banned = context.tokenAt(start + size - 1);
                if (banned >= 0 && banned < logits.length) {
                    logits[banned] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
