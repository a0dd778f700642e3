package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NaN and infinite scores from a model (a broken export, an overflow in half precision) must not pass for a
 * constraint's dead end: NaN is never chosen, +infinity is chosen, and scores with nothing usable fail with a sentence.
 */
class InvalidScoresTest {
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    private static GenerationContext context() {
        return new GenerationContext(new int[] {0}, null, 9);
    }

    /** Plain sampling (full softmax), top-k (preselected) and greedy, each drawing many times. */
    private static List<SamplerChain> chains(long seed) {
        return List.of(new SamplerChain(List.of(), List.of(), 1.0, new Random(seed)),
                new SamplerChain(List.of(), List.of(new TopK(3), new TopP(0.99)), 1.0, new Random(seed)),
                new SamplerChain(List.of(), List.of(), 0.0, new Random(seed)));
    }

    private static Set<Integer> chosenOverManyDraws(float[] logits) {
        Set<Integer> chosen = new HashSet<>();
        List<SamplerChain> chains = chains(11);
        for (int draw = 0; draw < 300; draw++) {
            for (SamplerChain chain : chains) {
                SampledToken token = chain.choose(logits.clone(), context());
                assertFalse(token.isDeadEnd(), "a usable token was left, so this is no dead end");
                assertFalse(Float.isNaN(token.probability()) || Double.isNaN(token.logProb()), token.toString());
                chosen.add(token.tokenId());
            }
        }
        return chosen;
    }

    @Test
    void aNaNScoreIsNeverChosenAndRulesNothingElseOut() {
        assertEquals(Set.of(0, 2, 3), chosenOverManyDraws(new float[] {1f, NAN, 1.5f, 0.5f}));
        assertEquals(Set.of(3), chosenOverManyDraws(new float[] {NAN, NAN, NAN, 2f}));
    }

    @Test
    void infiniteScoresAreTheChoiceAndEquallyLikely() {
        Set<Integer> chosen = chosenOverManyDraws(new float[] {1f, INF, 50f, INF, NAN});
        assertEquals(Set.of(1, 3), chosen);
        SampledToken token = new SamplerChain(List.of(), List.of(), 1.0, new Random(3))
                .choose(new float[] {1f, INF, 50f, INF}, context());
        assertEquals(0.5f, token.probability(), 1e-6);
        assertEquals(Math.log(0.5), token.logProb(), 1e-6);
    }

    @Test
    void scoresWithNothingUsableFailWithASentenceNotADeadEnd() {
        for (SamplerChain chain : chains(1)) {
            GenerationException e = assertThrows(GenerationException.class, () -> chain.choose(
                    new float[] {NAN, Float.NEGATIVE_INFINITY, NAN}, context()));
            assertEquals("The model produced invalid scores at step 0 (no token had a usable score), so the "
                    + "generation stopped.", e.getMessage());
        }
    }

    @Test
    void aMaskThatRulesOutTheLastUsableTokenIsStillADeadEnd() {
        LogitsProcessor banTwo = (logits, context) -> logits[2] = Float.NEGATIVE_INFINITY;
        SamplerChain chain = new SamplerChain(List.of(banTwo), List.of(), 0.8, new Random(1));
        assertTrue(chain.choose(new float[] {NAN, NAN, 1f}, context()).isDeadEnd());
    }

    @Test
    void samplingSkipsNaNProbabilities() {
        TokenCandidates candidates = new TokenCandidates();
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            candidates.set(new int[] {0, 1, 2}, new float[] {0.5f, NAN, 0.5f});
            int chosen = candidates.sample(random);
            assertTrue(chosen == 0 || chosen == 2, "chose " + chosen);
        }
    }
}
