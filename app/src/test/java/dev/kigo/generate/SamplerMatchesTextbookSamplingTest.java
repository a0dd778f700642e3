package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sampler and beam search share passes over the vocabulary to save time; what they pick, and the probabilities
 * and log-probabilities they report, must equal to the bit those of the plain, one-step-at-a-time computation
 * (written out below as the reference), over random scores with masks, ties and repeats, so that a seed and settings
 * saved with a piece always give its text back.
 */
class SamplerMatchesTextbookSamplingTest {
    private static final int VOCAB = 3000;
    private static final int EOT = VOCAB - 1;

    /**
     * Scores like a model's, with the awkward cases: equal scores, masked tokens, a zero of each sign, and often a
     * third of the vocabulary about 100 below the rest (the shipped model's bias on tokens it never saw).
     */
    private static float[] scores(Random random) {
        float[] logits = new float[VOCAB];
        boolean biased = random.nextBoolean();
        for (int i = 0; i < VOCAB; i++) {
            logits[i] = (float) (random.nextGaussian() * 3 - (biased && i % 3 == 1 ? 100 : 0));
        }
        for (int i = 0; i < 20; i++) {
            logits[random.nextInt(VOCAB)] = logits[random.nextInt(VOCAB)];
        }
        logits[random.nextInt(VOCAB)] = 0f;
        logits[random.nextInt(VOCAB)] = -0f;
        if (random.nextInt(4) == 0) {
            logits[random.nextInt(VOCAB)] = Float.NEGATIVE_INFINITY;
        }
        return logits;
    }

    /** A mask that rules out most of the vocabulary on some steps, the way a syllable constraint does. */
    private static final LogitsProcessor SOMETIMES_MASK_MOST = (logits, context) -> {
        if (context.generatedCount() % 3 == 1) {
            for (int i = 0; i < logits.length; i++) {
                if (i % 7 != 0) {
                    logits[i] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    };

    private static List<SamplingSettings> settingsToTry() {
        List<SamplingSettings> all = new ArrayList<>();
        for (double temperature : new double[] {0.0, 1.0, 0.8, 1.3}) {
            for (int topK : new int[] {0, 40}) {
                for (double topP : new double[] {1.0, 0.95}) {
                    for (double minP : new double[] {0.0, 0.05}) {
                        all.add(new SamplingSettings(temperature, topK, topP, minP, 1.1, 0, 1, 100, 17, List.of()));
                    }
                }
            }
        }
        all.add(new SamplingSettings(0.8, 40, 0.95, 0, 1.0, 0, 1, 100, 17, List.of()));
        all.add(new SamplingSettings(1.0, 0, 1.0, 0, 1.0, 0, 1, 100, 17, List.of()));
        return all;
    }

    @Test
    void theSamplerPicksAndScoresAsTheReferenceComputationDoes() {
        for (SamplingSettings settings : settingsToTry()) {
            for (List<LogitsProcessor> extra : List.of(List.<LogitsProcessor>of(), List.of(SOMETIMES_MASK_MOST))) {
                SamplerChain chain = SamplerChain.from(settings, extra);
                ReferenceSampler reference = new ReferenceSampler(settings, extra);
                GenerationContext context = new GenerationContext(new int[] {5, 9, 12, 5}, null, EOT);
                Random random = new Random(settings.hashCode() + extra.size());
                for (int step = 0; step < 12; step++) {
                    float[] logits = scores(random);
                    SampledToken expected = reference.choose(logits.clone(), context);
                    SampledToken actual = chain.choose(logits.clone(), context);
                    String where = settings + " extra " + extra.size() + " step " + step;
                    assertSame(expected, actual, where);
                    if (actual.isDeadEnd()) {
                        break;
                    }
                    context.append(actual.tokenId(), "");
                }
            }
        }
    }

    @Test
    void beamSearchScoresAsTheReferenceComputationDoes() {
        BeamExpansion expansion = new BeamExpansion();
        for (List<LogitsProcessor> extra : List.of(List.<LogitsProcessor>of(), List.of(SOMETIMES_MASK_MOST))) {
            SamplingSettings settings = SamplingSettings.greedy(100).withBeams(3);
            SamplerChain chain = SamplerChain.from(settings, extra);
            SamplerChain referenceChain = SamplerChain.from(settings, extra);
            GenerationContext context = new GenerationContext(new int[] {5, 9, 12, 5}, null, EOT);
            Random random = new Random(3 + extra.size());
            for (int step = 0; step < 12; step++) {
                float[] logits = scores(random);
                float[] referenceLogits = logits.clone();
                String where = "extra " + extra.size() + " step " + step;

                SamplerChain.requireUsableScores(referenceLogits, context);
                double rawNormaliser = LogProbs.logSumExp(referenceLogits);
                float[] raw = referenceLogits.clone();
                referenceChain.process(referenceLogits, context);
                SamplerChain.cleanScores(referenceLogits);
                double normaliser = LogProbs.logSumExp(referenceLogits);
                TokenCandidates top = new TokenCandidates();
                top.fillSoftmax(referenceLogits, 1.0);
                top.keepTop(6);

                assertEquals(!Double.isInfinite(normaliser), expansion.expand(logits, context, chain, 6), where);
                if (Double.isInfinite(normaliser)) {
                    continue;
                }
                assertEquals(Double.doubleToRawLongBits(rawNormaliser), Double.doubleToRawLongBits(expansion.rawNormaliser()), where);
                assertEquals(Double.doubleToRawLongBits(normaliser), Double.doubleToRawLongBits(expansion.normaliser()), where);
                assertEquals(top.size(), expansion.top().size(), where);
                for (int i = 0; i < top.size(); i++) {
                    assertEquals(top.id(i), expansion.top().id(i), where + " rank " + i);
                    assertEquals(Float.floatToRawIntBits(top.probability(i)),
                            Float.floatToRawIntBits(expansion.top().probability(i)), where + " rank " + i);
                    assertEquals(Float.floatToRawIntBits(raw[top.id(i)]), Float.floatToRawIntBits(expansion.raw(top.id(i))));
                }
                for (int i = 0; i < VOCAB; i++) {
                    assertEquals(Float.floatToRawIntBits(referenceLogits[i]), Float.floatToRawIntBits(logits[i]), where);
                }
                context.append(top.id(0), "");
            }
        }
    }

    private static void assertSame(SampledToken expected, SampledToken actual, String where) {
        assertEquals(expected.tokenId(), actual.tokenId(), where);
        assertEquals(Float.floatToRawIntBits(expected.probability()), Float.floatToRawIntBits(actual.probability()), where);
        assertEquals(Double.doubleToRawLongBits(expected.logProb()), Double.doubleToRawLongBits(actual.logProb()), where);
        assertEquals(expected.alternatives(), actual.alternatives(), where);
    }

    /** The reference: SamplerChain.choose written step by step, one pass per normaliser. */
    private static final class ReferenceSampler {
        private final List<LogitsProcessor> processors;
        private final List<CandidateFilter> filters;
        private final int topK;
        private final List<CandidateFilter> filtersAfterTopK;
        private final double temperature;
        private final Random random;
        private final TokenCandidates candidates = new TokenCandidates();
        private final TokenCandidates top = new TokenCandidates();

        ReferenceSampler(SamplingSettings settings, List<LogitsProcessor> extra) {
            processors = SamplerChain.processors(settings, extra);
            filters = SamplerChain.filters(settings);
            topK = !filters.isEmpty() && filters.get(0) instanceof TopK first ? first.k() : 0;
            filtersAfterTopK = topK > 0 ? filters.subList(1, filters.size()) : filters;
            temperature = settings.temperature();
            random = new Random(settings.seed());
        }

        SampledToken choose(float[] logits, GenerationContext context) {
            SamplerChain.requireUsableScores(logits, context);
            float[] raw = logits.clone();
            double logNormaliser = LogProbs.logSumExp(raw);
            for (LogitsProcessor processor : processors) {
                processor.process(logits, context);
            }
            boolean greedy = temperature == 0.0;
            double t = greedy ? 1.0 : temperature;
            float max = SamplerChain.cleanScores(logits);
            if (max == Float.NEGATIVE_INFINITY) {
                return new SampledToken(-1, 0f, Double.NEGATIVE_INFINITY, List.of());
            }
            double normaliser = 0;
            double inverse = 1.0 / t;
            for (float logit : logits) {
                normaliser += Math.exp((logit - max) * inverse);
            }
            List<SampledToken.Alternative> alternatives;
            int chosen;
            int preselect = greedy ? SamplerChain.ALTERNATIVES : topK > 0 ? Math.max(topK, SamplerChain.ALTERNATIVES) : 0;
            if (preselect > 0) {
                candidates.fillTop(logits, preselect, t, max, normaliser);
                alternatives = alternativesFrom(candidates);
                if (greedy) {
                    chosen = candidates.id(0);
                } else {
                    candidates.truncate(topK);
                    for (CandidateFilter filter : filtersAfterTopK) {
                        filter.apply(candidates);
                    }
                    chosen = candidates.sample(random);
                }
            } else {
                candidates.fillSoftmax(logits, t);
                top.copyFrom(candidates);
                top.keepTop(SamplerChain.ALTERNATIVES);
                alternatives = alternativesFrom(top);
                for (CandidateFilter filter : filters) {
                    filter.apply(candidates);
                }
                chosen = candidates.sample(random);
            }
            if (chosen < 0) {
                return new SampledToken(-1, 0f, Double.NEGATIVE_INFINITY, alternatives);
            }
            float probability = (float) (Math.exp((logits[chosen] - max) * inverse) / normaliser);
            return new SampledToken(chosen, probability, raw[chosen] - logNormaliser, alternatives);
        }

        private static List<SampledToken.Alternative> alternativesFrom(TokenCandidates best) {
            int count = Math.min(SamplerChain.ALTERNATIVES, best.size());
            List<SampledToken.Alternative> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                if (best.probability(i) > 0) {
                    result.add(new SampledToken.Alternative(best.id(i), best.probability(i)));
                }
            }
            return result;
        }
    }
}
