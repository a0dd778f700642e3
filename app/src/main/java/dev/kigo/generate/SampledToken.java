package dev.kigo.generate;

import java.util.List;

/**
 * The sampler chain's pick at one step.
 *
 * @param tokenId      the chosen id, or -1 when every token was masked out (a constraint dead end)
 * @param probability  its probability after the processors and temperature, before truncation
 * @param logProb      its natural-log probability under the model's raw logits (no processors, temperature 1)
 * @param alternatives the most likely ids at this step, best first, with their probabilities (same scale as above)
 */
public record SampledToken(int tokenId, float probability, double logProb, List<Alternative> alternatives) {

    public record Alternative(int tokenId, float probability) { }

    public boolean isDeadEnd() {
        return tokenId < 0;
    }
}
