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
}
