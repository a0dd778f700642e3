package dev.kigo.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
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
    /** k of a leading {@link TopK}, else 0; the filters after it. */
    private final int topK;
    private final List<CandidateFilter> filtersAfterTopK;
    private final double temperature;
    private final RandomGenerator random;
    private final TokenCandidates candidates = new TokenCandidates();
    private final TokenCandidates top = new TokenCandidates();
    private float[] raw = new float[0];

    public SamplerChain(List<LogitsProcessor> processors, List<CandidateFilter> filters, double temperature,
                        RandomGenerator random) {
        this.processors = List.copyOf(processors);
        this.filters = List.copyOf(filters);
        this.topK = !filters.isEmpty() && filters.get(0) instanceof TopK first ? first.k() : 0;
        this.filtersAfterTopK = topK > 0 ? this.filters.subList(1, this.filters.size()) : this.filters;
        this.temperature = temperature;
        this.random = random;
    }

    /** The chain the settings describe, with the extra processors last (their masks win). */
    public static SamplerChain from(SamplingSettings settings, List<LogitsProcessor> extra) {
        return from(settings, extra, settings.seed());
    }

    public static SamplerChain from(SamplingSettings settings, List<LogitsProcessor> extra, long seed) {
        return new SamplerChain(processors(settings, extra), filters(settings), settings.temperature(), random(seed));
    }

    /** Seeds below this keep java.util.Random's draws; it is the size of that generator's state. */
    static final long RANDOM_STATE_SIZE = 1L << 48;

    /**
     * The draws for a seed. java.util.Random keeps only the low 48 bits of its seed, so on its own seeds 2^48 apart
     * (and every negative seed and its 48-bit twin) would give the same text. Seeds from 0 to 2^48 - 1 use it, so
     * every piece saved with such a seed (the dice deals seeds below 10^9, {@code --n} counts up from the given one)
     * regenerates to the letter; any other seed gets SplittableRandom, whose state is all 64 bits of the seed.
     */
    static RandomGenerator random(long seed) {
        return seed >= 0 && seed < RANDOM_STATE_SIZE ? new Random(seed) : new SplittableRandom(seed);
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

    /** The processors' notes about this context's text, joined (empty if none). */
    public String notes(GenerationContext context) {
        return joinNotes(processors.stream().map(processor -> processor.note(context)).toList());
    }

    static String joinNotes(List<String> notes) {
        return String.join(" ", notes.stream().filter(note -> note != null && !note.isBlank()).distinct().toList());
    }

    /**
     * Picks the next token. {@code logits} is modified in place: cleaned (see {@link #cleanScores}), then the
     * processors. A dead end (tokenId -1) means the processors ruled every token out; scores the model left nothing
     * usable in fail with a {@link GenerationException}.
     */
    public SampledToken choose(float[] logits, GenerationContext context) {
        float rawMax = requireUsableScores(logits, context);
        if (raw.length != logits.length) {
            raw = new float[logits.length];
        }
        System.arraycopy(logits, 0, raw, 0, logits.length);
        process(logits, context);

        boolean greedy = temperature == 0.0;
        double t = greedy ? 1.0 : temperature;
        float max = cleanScores(logits);
        if (max == Float.NEGATIVE_INFINITY) {
            return new SampledToken(-1, 0f, Double.NEGATIVE_INFINITY, List.of());
        }
        double inverse = 1.0 / t;
        // Two sums over the vocabulary: of the model's own scores (for the token's log-probability) and of the
        // processed ones (for the reported probabilities). Each is summed in index order, so a seed's numbers are
        // reproducible bit for bit. At temperature 1 (greedy too) a score no processor changed has the same exp in
        // both, so it is computed once.
        double rawSum = 0;
        double normaliser = 0;
        if (inverse == 1.0 && max == rawMax) {
            for (int i = 0; i < logits.length; i++) {
                float r = raw[i];
                double e = Math.exp(r - rawMax);
                rawSum += e;
                float logit = logits[i];
                normaliser += logit == r ? e : Math.exp((logit - max) * inverse);
            }
        } else {
            for (float r : raw) {
                rawSum += Math.exp(r - rawMax);
            }
            for (float logit : logits) {
                normaliser += Math.exp((logit - max) * inverse);
            }
        }
        double logNormaliser = rawMax + Math.log(rawSum);

        List<SampledToken.Alternative> alternatives;
        int chosen;
        // Greedy and top-k need only the best few tokens: select them by logit and skip the full softmax.
        int preselect = greedy ? ALTERNATIVES : topK > 0 ? Math.max(topK, ALTERNATIVES) : 0;
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
            top.keepTop(ALTERNATIVES);
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

    /**
     * Makes scores safe for softmax, in place, and returns their maximum. NaN becomes -infinity (never chosen):
     * otherwise it spreads through the max and the softmax until every probability is NaN. If some scores are
     * +infinity, those tokens are the choice, equally likely: they become 0 and every other score -infinity.
     */
    static float cleanScores(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (Float.isNaN(logits[i])) {
                logits[i] = Float.NEGATIVE_INFINITY;
            } else if (logits[i] > max) {
                max = logits[i];
            }
        }
        if (max == Float.POSITIVE_INFINITY) {
            for (int i = 0; i < logits.length; i++) {
                logits[i] = logits[i] == Float.POSITIVE_INFINITY ? 0f : Float.NEGATIVE_INFINITY;
            }
            return 0f;
        }
        return max;
    }

    /**
     * Cleans the model's own scores (before any processor) and fails if they leave no token at all: that is not a
     * constraint's dead end but a broken model or graph, and the poet should be told so. Returns their maximum.
     */
    static float requireUsableScores(float[] logits, GenerationContext context) {
        float max = cleanScores(logits);
        if (max == Float.NEGATIVE_INFINITY) {
            throw new GenerationException("The model produced invalid scores at step " + context.generatedCount()
                    + " (no token had a usable score), so the generation stopped.");
        }
        return max;
    }

    private static List<SampledToken.Alternative> alternativesFrom(TokenCandidates best) {
        int count = Math.min(ALTERNATIVES, best.size());
        List<SampledToken.Alternative> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (best.probability(i) > 0) {
                result.add(new SampledToken.Alternative(best.id(i), best.probability(i)));
            }
        }
        return result;
    }
}
