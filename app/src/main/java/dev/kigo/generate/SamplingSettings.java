package dev.kigo.generate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;

/**
 * Every knob that decides which tokens a generation picks. Immutable and validated on construction, so a
 * bad value is rejected with a sentence a poet can read, and the same record is stored in the library as
 * JSON (Jackson maps records by component name) and shown in the UI.
 *
 * @param temperature       0 means greedy (always the most likely token); higher is wilder
 * @param topK              keep only the k most likely tokens; 0 disables
 * @param topP              nucleus: keep the smallest set of tokens whose probability reaches p; 1 disables
 * @param minP              drop tokens less likely than minP times the most likely one; 0 disables
 * @param repetitionPenalty divide (or multiply, if negative) the logits of tokens already seen; 1 disables
 * @param noRepeatNgramSize forbid any n-gram of this size from appearing twice; 0 disables
 * @param beams             beam search width; 1 means sampling
 * @param maxTokens         most tokens to generate
 * @param seed              random seed: the same seed and settings give the same text
 * @param stopStrings       generation ends when the text produced so far contains one of these
 */
public record SamplingSettings(
        double temperature,
        int topK,
        double topP,
        double minP,
        double repetitionPenalty,
        int noRepeatNgramSize,
        int beams,
        int maxTokens,
        long seed,
        List<String> stopStrings) {

    // The defaults as constants, so help texts can name them (annotations take only constants).
    public static final double DEFAULT_TEMPERATURE = 0.8;
    public static final int DEFAULT_TOP_K = 40;
    public static final double DEFAULT_TOP_P = 0.95;
    public static final double DEFAULT_MIN_P = 0.0;
    public static final double DEFAULT_REPETITION_PENALTY = 1.1;
    public static final int DEFAULT_MAX_TOKENS = 64;
    public static final long DEFAULT_SEED = 42L;
    public static final int MAX_BEAMS = 16;
    public static final int MAX_TOKENS_LIMIT = 4096;

    public SamplingSettings {
        stopStrings = stopStrings == null ? List.of() : List.copyOf(stopStrings);
        check(Double.isFinite(temperature) && temperature >= 0 && temperature <= 10,
                "Temperature must be between 0 and 10 (0 = greedy), not " + temperature + ".");
        check(topK >= 0, "Top-k must be 0 (off) or a positive number of tokens, not " + topK + ".");
        check(Double.isFinite(topP) && topP > 0 && topP <= 1,
                "Top-p must be above 0 and at most 1 (1 = off), not " + topP + ".");
        check(Double.isFinite(minP) && minP >= 0 && minP < 1,
                "Min-p must be at least 0 (off) and below 1, not " + minP + ".");
        check(Double.isFinite(repetitionPenalty) && repetitionPenalty > 0 && repetitionPenalty <= 10,
                "Repetition penalty must be above 0 and at most 10 (1 = off), not " + repetitionPenalty + ".");
        check(noRepeatNgramSize >= 0, "No-repeat n-gram size must be 0 (off) or more, not " + noRepeatNgramSize + ".");
        check(beams >= 1 && beams <= MAX_BEAMS, "Beams must be between 1 and " + MAX_BEAMS + ", not " + beams + ".");
        check(maxTokens >= 1 && maxTokens <= MAX_TOKENS_LIMIT,
                "Max tokens must be between 1 and " + MAX_TOKENS_LIMIT + ", not " + maxTokens + ".");
        for (String stop : stopStrings) {
            check(stop != null && !stop.isEmpty(), "Stop strings must not be empty.");
        }
    }

    /** Balanced defaults: the settings the shipped model's evaluation uses. */
    public static SamplingSettings defaults() {
        return new SamplingSettings(DEFAULT_TEMPERATURE, DEFAULT_TOP_K, DEFAULT_TOP_P, DEFAULT_MIN_P,
                DEFAULT_REPETITION_PENALTY, 0, 1, DEFAULT_MAX_TOKENS, DEFAULT_SEED, List.of());
    }

    public static SamplingSettings greedy(int maxTokens) {
        return defaults().withTemperature(0).withTopK(0).withTopP(1).withMinP(0).withRepetitionPenalty(1)
                .withMaxTokens(maxTokens).withSeed(0);
    }

    // One wither per component, so callers change one knob from defaults() instead of spelling out all ten.
    public SamplingSettings withTemperature(double value) {
        return new SamplingSettings(value, topK, topP, minP, repetitionPenalty, noRepeatNgramSize, beams, maxTokens,
                seed, stopStrings);
    }

    public SamplingSettings withTopK(int value) {
        return new SamplingSettings(temperature, value, topP, minP, repetitionPenalty, noRepeatNgramSize, beams,
                maxTokens, seed, stopStrings);
    }

    public SamplingSettings withTopP(double value) {
        return new SamplingSettings(temperature, topK, value, minP, repetitionPenalty, noRepeatNgramSize, beams,
                maxTokens, seed, stopStrings);
    }

    public SamplingSettings withMinP(double value) {
        return new SamplingSettings(temperature, topK, topP, value, repetitionPenalty, noRepeatNgramSize, beams,
                maxTokens, seed, stopStrings);
    }

    public SamplingSettings withRepetitionPenalty(double value) {
        return new SamplingSettings(temperature, topK, topP, minP, value, noRepeatNgramSize, beams, maxTokens, seed,
                stopStrings);
    }

    public SamplingSettings withNoRepeatNgramSize(int value) {
        return new SamplingSettings(temperature, topK, topP, minP, repetitionPenalty, value, beams, maxTokens, seed,
                stopStrings);
    }

    public SamplingSettings withBeams(int value) {
        return new SamplingSettings(temperature, topK, topP, minP, repetitionPenalty, noRepeatNgramSize, value,
                maxTokens, seed, stopStrings);
    }

    public SamplingSettings withMaxTokens(int value) {
        return new SamplingSettings(temperature, topK, topP, minP, repetitionPenalty, noRepeatNgramSize, beams, value,
                seed, stopStrings);
    }

    public SamplingSettings withSeed(long value) {
        return new SamplingSettings(temperature, topK, topP, minP, repetitionPenalty, noRepeatNgramSize, beams,
                maxTokens, value, stopStrings);
    }

    public SamplingSettings withStopStrings(List<String> value) {
        return new SamplingSettings(temperature, topK, topP, minP, repetitionPenalty, noRepeatNgramSize, beams,
                maxTokens, seed, Objects.requireNonNullElse(value, List.of()));
    }

    /** Derived, so not a JSON property (the library stores only the components). */
    @JsonIgnore
    public boolean isGreedy() {
        return temperature == 0.0 && beams == 1;
    }

    /**
     * One line that tells settings apart at a glance, knobs that are off left out: "temperature 0.5, top-k 20,
     * top-p 0.9, min-p 0.05, repetition 1.15, no-repeat 3, 48 tokens, seed 42"; "greedy, 40 tokens".
     */
    public String summary() {
        List<String> parts = new java.util.ArrayList<>();
        if (beams > 1) {
            parts.add(beams + " beams");
        } else if (temperature == 0.0) {
            parts.add("greedy");
        } else {
            parts.add("temperature " + number(temperature));
        }
        boolean sampled = temperature > 0.0 && beams == 1;
        if (sampled && topK > 0) {
            parts.add("top-k " + topK);
        }
        if (sampled && topP < 1.0) {
            parts.add("top-p " + number(topP));
        }
        if (sampled && minP > 0.0) {
            parts.add("min-p " + number(minP));
        }
        if (repetitionPenalty != 1.0) {
            parts.add("repetition " + number(repetitionPenalty));
        }
        if (noRepeatNgramSize > 0) {
            parts.add("no-repeat " + noRepeatNgramSize);
        }
        parts.add(maxTokens + " tokens");
        if (sampled) {
            parts.add("seed " + seed);
        }
        return String.join(", ", parts);
    }

    /** 0.5, 1.15, 1: as typed, without a trailing ".0". */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
