package dev.kigo.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Picks the next token from raw logits: logits processors (repetition penalty, no-repeat n-gram, then any extra
 * ones such as a constraint mask), then softmax with temperature, then the truncation filters (top-k, top-p, min-p)
 * in HuggingFace's order, then a seeded draw. Temperature 0 is greedy: the most likely token after the processors.
 * One chain per generation row: it owns the row's random generator and reusable buffers.
 */
public final class SamplerChain {
    /** How many alternatives a step reports. */
    public static final int ALTERNATIVES = 5;

    private final List<LogitsProcessor> processors;
    private final List<CandidateFilter> filters;
    private final double temperature;
    private final RandomGenerator random;
    private final TokenCandidates candidates = new TokenCandidates();
    private final TokenCandidates top = new TokenCandidates();
    private float[] raw = new float[0];

    public SamplerChain(List<LogitsProcessor> processors, List<CandidateFilter> filters, double temperature,
                        RandomGenerator random) {
        this.processors = List.copyOf(processors);
        this.filters = List.copyOf(filters);
        this.temperature = temperature;
        this.random = random;
    }

    /** The chain the settings describe, with the extra processors last (their masks win). */
    public static SamplerChain from(SamplingSettings settings, List<LogitsProcessor> extra) {
        return from(settings, extra, settings.seed());
    }

    public static SamplerChain from(SamplingSettings settings, List<LogitsProcessor> extra, long seed) {
        return new SamplerChain(processors(settings, extra), filters(settings), settings.temperature(), new Random(seed));
    }

    static List<LogitsProcessor> processors(SamplingSettings settings, List<LogitsProcessor> extra) {
        List<LogitsProcessor> processors = new ArrayList<>();
        if (settings.repetitionPenalty() != 1.0) {
            processors.add(new RepetitionPenalty(settings.repetitionPenalty()));
        }
        if (settings.noRepeatNgramSize() > 0) {
            processors.add(new NoRepeatNgram(settings.noRepeatNgramSize()));
        }
        processors.addAll(extra);
        return processors;
    }

    static List<CandidateFilter> filters(SamplingSettings settings) {
        List<CandidateFilter> filters = new ArrayList<>();
        if (settings.topK() > 0) {
            filters.add(new TopK(settings.topK()));
        }
        if (settings.topP() < 1.0) {
            filters.add(new TopP(settings.topP()));
        }
        if (settings.minP() > 0) {
            filters.add(new MinP(settings.minP()));
        }
        return filters;
    }

    /** Applies the processors to {@code logits} in place. */
    public void process(float[] logits, GenerationContext context) {
        for (LogitsProcessor processor : processors) {
            processor.process(logits, context);
        }
    }

    /** Picks the next token. {@code logits} is modified in place by the processors. */
    public SampledToken choose(float[] logits, GenerationContext context) {
        double logNormaliser = LogProbs.logSumExp(logits);
        if (raw.length != logits.length) {
            raw = new float[logits.length];
        }
        System.arraycopy(logits, 0, raw, 0, logits.length);
        process(logits, context);

        boolean greedy = temperature == 0.0;
        candidates.fillSoftmax(logits, greedy ? 1.0 : temperature);
        if (Double.isNaN(candidates.totalProbability()) || candidates.maxProbability() <= 0) {
            return new SampledToken(-1, 0f, Double.NEGATIVE_INFINITY, List.of());
        }
        List<SampledToken.Alternative> alternatives = topAlternatives();
        int chosen;
        if (greedy) {
            chosen = alternatives.get(0).tokenId();
        } else {
            for (CandidateFilter filter : filters) {
                filter.apply(candidates);
            }
            chosen = candidates.sample(random);
            if (chosen < 0) {
                return new SampledToken(-1, 0f, Double.NEGATIVE_INFINITY, alternatives);
            }
        }
        float probability = probabilityOf(chosen, logits, greedy ? 1.0 : temperature, alternatives);
        return new SampledToken(chosen, probability, raw[chosen] - logNormaliser, alternatives);
    }

    private List<SampledToken.Alternative> topAlternatives() {
        top.copyFrom(candidates);
        top.keepTop(ALTERNATIVES);
        List<SampledToken.Alternative> result = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            if (top.probability(i) > 0) {
                result.add(new SampledToken.Alternative(top.id(i), top.probability(i)));
            }
        }
        return result;
    }

    /** The chosen token's probability before truncation: from the alternatives when it is one, else recomputed. */
    private static float probabilityOf(int id, float[] logits, double temperature, List<SampledToken.Alternative> alternatives) {
        for (SampledToken.Alternative alternative : alternatives) {
            if (alternative.tokenId() == id) {
                return alternative.probability();
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (float logit : logits) {
            sum += logit == Float.NEGATIVE_INFINITY ? 0 : Math.exp((logit - max) / temperature);
        }
        return (float) (Math.exp((logits[id] - max) / temperature) / sum);
    }
}
