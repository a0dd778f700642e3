package dev.kigo.generate;

/**
 * One step of the sampler chain that edits the next-token logits in place before a token is picked: a penalty,
 * a ban, or a mask (set a logit to {@link Float#NEGATIVE_INFINITY} to forbid that token). Extra processors given
 * with a {@link GenerationRequest} (the syllable-constrained mode, for one) run after the built-in ones, so their
 * masks have the last word. A processor may keep state across steps; a fresh one is needed per generation row.
 */
@FunctionalInterface
public interface LogitsProcessor {
    void process(float[] logits, GenerationContext context);

    /**
     * A sentence about anything unusual this processor did on the way to the context's text (a constrained-decoding
     * back-off, say), for {@link GenerationResult#note()}; empty if nothing. Under beam search the context is the
     * winning beam's, so the processor should only speak of what happened on that beam's path.
     */
    default String note(GenerationContext context) {
        return "";
    }
}
