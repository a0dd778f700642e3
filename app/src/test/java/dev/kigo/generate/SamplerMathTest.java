package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampler chain's pieces on hand-made logits and distributions. */
class SamplerMathTest {

    private static TokenCandidates candidates(float... probabilities) {
        int[] ids = new int[probabilities.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        TokenCandidates candidates = new TokenCandidates();
        candidates.set(ids, probabilities);
        return candidates;
    }

    @Test
    void topPKeepsTheSmallestSetReachingP() {
        TokenCandidates c = candidates(0.1f, 0.4f, 0.05f, 0.3f, 0.15f);
        new TopP(0.7).apply(c);
        assertArrayEquals(new int[] {1, 3}, c.ids(), "0.4 + 0.3 reaches 0.7 exactly");

        c = candidates(0.1f, 0.4f, 0.05f, 0.3f, 0.15f);
        new TopP(0.71).apply(c);
        assertArrayEquals(new int[] {1, 3, 4}, c.ids(), "just above 0.7 needs the third most likely");

        c = candidates(0.1f, 0.4f, 0.05f, 0.3f, 0.15f);
        new TopP(0.3).apply(c);
        assertArrayEquals(new int[] {1}, c.ids(), "the most likely alone reaches 0.3");
    }

    @Test
    void topPOnAFlatTailKeepsEveryTokenItNeeds() {
        float[] flat = new float[100];
        java.util.Arrays.fill(flat, 0.01f);
        TokenCandidates c = candidates(flat);
        new TopP(0.5).apply(c);
        assertEquals(50, c.size(), "fifty tokens of 1% reach 50%");
        assertEquals(0, c.id(0), "ties keep the lower ids first");
    }

    @Test
    void minPDropsTokensBelowAFractionOfTheBest() {
        TokenCandidates c = candidates(0.5f, 0.3f, 0.1f, 0.05f, 0.05f);
        new MinP(0.2).apply(c);
        assertArrayEquals(new int[] {0, 1, 2}, c.ids(), "0.2 x 0.5 = 0.1 keeps 0.1 and drops 0.05");
    }

    @Test
    void topKKeepsTheKMostLikelyBestFirst() {
        TokenCandidates c = candidates(0.1f, 0.4f, 0.05f, 0.3f, 0.15f);
        new TopK(3).apply(c);
        assertArrayEquals(new int[] {1, 3, 4}, c.ids());
        assertEquals(0.4f, c.probability(0));
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogitsOfSeenTokensOnce() {
        float[] logits = {2f, -2f, 2f, -2f};
        GenerationContext context = new GenerationContext(new int[] {0, 1, 0}, null, 9);
        new RepetitionPenalty(2.0).process(logits, context);
        assertArrayEquals(new float[] {1f, -4f, 2f, -2f}, logits, "token 0 seen twice is still penalised once");
    }

    @Test
    void noRepeatNgramBansTheTokenThatWouldRepeatABigram() {
        // Sequence 5 6 7 5: the bigram "5 6" exists, so after a trailing 5 the token 6 is banned.
        float[] logits = new float[10];
        GenerationContext context = new GenerationContext(new int[] {5, 6, 7, 5}, null, 9);
        new NoRepeatNgram(2).process(logits, context);
        for (int id = 0; id < logits.length; id++) {
            assertEquals(id == 6 ? Float.NEGATIVE_INFINITY : 0f, logits[id], "token " + id);
        }
    }

    @Test
    void noRepeatTrigramLooksAtTheLastTwoTokens() {
        float[] logits = new float[10];
        GenerationContext context = new GenerationContext(new int[] {1, 2, 3, 1, 2}, null, 9);
        new NoRepeatNgram(3).process(logits, context);
        assertEquals(Float.NEGATIVE_INFINITY, logits[3]);
        assertEquals(0f, logits[1], "the bigram rule is not the trigram rule");
    }

    @Test
    void temperatureZeroIsGreedyWhateverTheSeed() {
        float[] logits = {0.1f, 3f, 2.9f, -1f};
        for (long seed = 0; seed < 5; seed++) {
            SamplerChain chain = new SamplerChain(List.of(), List.of(), 0.0, new Random(seed));
            SampledToken token = chain.choose(logits.clone(), new GenerationContext(new int[] {0}, null, 9));
            assertEquals(1, token.tokenId());
        }
    }

    @Test
    void reportedProbabilityIsTheTemperatureSoftmaxAndAlternativesAreBestFirst() {
        float[] logits = {0f, (float) Math.log(3), (float) Math.log(6)};
        SamplerChain chain = new SamplerChain(List.of(), List.of(), 1.0, new Random(1));
        SampledToken token = chain.choose(logits.clone(), new GenerationContext(new int[] {0}, null, 9));
        assertEquals(List.of(2, 1, 0), token.alternatives().stream().map(SampledToken.Alternative::tokenId).toList());
        assertEquals(0.6f, token.alternatives().get(0).probability(), 1e-6);
        assertEquals(0.3f, token.alternatives().get(1).probability(), 1e-6);
        assertEquals(Math.log(new float[] {0.1f, 0.3f, 0.6f}[token.tokenId()]), token.logProb(), 1e-6);
    }

    @Test
    void samplingFollowsTheDistribution() {
        float[] logits = {0f, (float) Math.log(3)};
        SamplerChain chain = new SamplerChain(List.of(), List.of(), 1.0, new Random(7));
        int ones = 0;
        for (int i = 0; i < 4000; i++) {
            ones += chain.choose(logits.clone(), new GenerationContext(new int[] {0}, null, 9)).tokenId();
        }
        assertTrue(Math.abs(ones / 4000.0 - 0.75) < 0.03, "token 1 has probability 0.75, drew it " + ones + " times");
    }

    @Test
    void aMaskThatForbidsEverythingIsADeadEnd() {
        LogitsProcessor banAll = (logits, context) -> java.util.Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        SamplerChain chain = new SamplerChain(List.of(banAll), List.of(), 0.8, new Random(1));
        assertTrue(chain.choose(new float[] {1f, 2f}, new GenerationContext(new int[] {0}, null, 9)).isDeadEnd());
    }

    @Test
    void settingsRejectBadValuesWithASentence() {
        SamplingSettings d = SamplingSettings.defaults();
        assertMessage("Temperature must be between 0 and 10 (0 = greedy), not -0.5.", () -> d.withTemperature(-0.5));
        assertMessage("Top-p must be above 0 and at most 1 (1 = off), not 1.5.", () -> new SamplingSettings(
                0.8, 40, 1.5, 0, 1.1, 0, 1, 64, 1, List.of()));
        assertMessage("Beams must be between 1 and 16, not 0.", () -> d.withBeams(0));
        assertMessage("Stop strings must not be empty.", () -> d.withStopStrings(List.of("")));
    }

    @Test
    void settingsRoundTripThroughJson() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        SamplingSettings settings = SamplingSettings.defaults().withStopStrings(List.of("\n\n")).withSeed(99);
        assertEquals(settings, mapper.readValue(mapper.writeValueAsString(settings), SamplingSettings.class));
    }

    @Test
    void topKSamplingPicksOnlyTheKBestAndReportsUntruncatedProbabilities() {
        float[] logits = {1f, -2f, 3f, 2.5f, -0.5f, 0f, 2f};
        double z = 0;
        for (float logit : logits) {
            z += Math.exp(logit / 0.7);
        }
        SamplerChain chain = new SamplerChain(List.of(), List.of(new TopK(2)), 0.7, new Random(3));
        java.util.Set<Integer> picked = new java.util.TreeSet<>();
        for (int i = 0; i < 300; i++) {
            SampledToken token = chain.choose(logits.clone(), new GenerationContext(new int[] {0}, null, 9));
            picked.add(token.tokenId());
            assertEquals(Math.exp(logits[token.tokenId()] / 0.7) / z, token.probability(), 1e-6);
            assertEquals(List.of(2, 3, 6, 0, 5), token.alternatives().stream().map(SampledToken.Alternative::tokenId).toList());
        }
        assertEquals(java.util.Set.of(2, 3), picked);
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                action::run);
        assertEquals(expected, e.getMessage());
    }
}
