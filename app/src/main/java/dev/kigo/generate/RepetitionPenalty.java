package dev.kigo.generate;

/**
 * CTRL's repetition penalty as HuggingFace applies it: every token already in the sequence (prompt included) has
 * its logit divided by the penalty when positive and multiplied by it when negative, so it always becomes less
 * likely (for a penalty above 1).
 */
public final class RepetitionPenalty implements LogitsProcessor {
    private final float penalty;
    private boolean[] seen;

    public RepetitionPenalty(double penalty) {
        this.penalty = (float) penalty;
    }

    @Override
    public void process(float[] logits, GenerationContext context) {
        if (seen == null || seen.length != logits.length) {
            seen = new boolean[logits.length];
        }
        int length = context.length();
        for (int i = 0; i < length; i++) {
            int id = context.tokenAt(i);
            if (id >= 0 && id < logits.length && !seen[id]) {
                seen[id] = true;
                float logit = logits[id];
                logits[id] = logit > 0 ? logit / penalty : logit * penalty;
            }
        }
        for (int i = 0; i < length; i++) {
            int id = context.tokenAt(i);
            if (id >= 0 && id < seen.length) {
                seen[id] = false;
            }
        }
    }
}
