package dev.kigo.cli;

import dev.kigo.generate.SamplingSettings;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * Every sampling setting as an option. {@code generate} takes them as a mixin (unset ones keep
 * {@link SamplingSettings#defaults()}); {@code compare} as a group in each column (unset ones keep the column's preset).
 */
final class SamplingOptions {
    @Option(names = "--temperature", paramLabel = "T", description = "0 = greedy; higher is wilder (default " + SamplingSettings.DEFAULT_TEMPERATURE + ").")
    Double temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "Keep the K most likely tokens; 0 = off (default " + SamplingSettings.DEFAULT_TOP_K + ").")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "Keep the smallest set reaching P; 1 = off (default " + SamplingSettings.DEFAULT_TOP_P + ").")
    Double topP;

    @Option(names = "--min-p", paramLabel = "P", description = "Drop tokens below P x the best; 0 = off (default " + SamplingSettings.DEFAULT_MIN_P + ").")
    Double minP;

    @Option(names = "--repetition-penalty", paramLabel = "R", description = "1 = off (default " + SamplingSettings.DEFAULT_REPETITION_PENALTY + ").")
    Double repetitionPenalty;

    @Option(names = "--no-repeat-ngram", paramLabel = "N", description = "Forbid repeating any N-gram; 0 = off.")
    Integer noRepeatNgram;

    @Option(names = "--beams", paramLabel = "B", description = "Beam search width; 1 = sampling (default).")
    Integer beams;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate (default " + SamplingSettings.DEFAULT_MAX_TOKENS + ").")
    Integer maxTokens;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same text (default " + SamplingSettings.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--stop", paramLabel = "TEXT", description = "Stop when this text appears (repeatable).")
    List<String> stop;

    SamplingSettings settings() {
        return applyTo(SamplingSettings.defaults());
    }

    /** {@code base} with every option that was given in place of its value. */
    SamplingSettings applyTo(SamplingSettings base) {
        SamplingSettings settings = base;
        settings = temperature == null ? settings : settings.withTemperature(temperature);
        settings = topK == null ? settings : settings.withTopK(topK);
        settings = topP == null ? settings : settings.withTopP(topP);
        settings = minP == null ? settings : settings.withMinP(minP);
        settings = repetitionPenalty == null ? settings : settings.withRepetitionPenalty(repetitionPenalty);
        settings = noRepeatNgram == null ? settings : settings.withNoRepeatNgramSize(noRepeatNgram);
        settings = beams == null ? settings : settings.withBeams(beams);
        settings = maxTokens == null ? settings : settings.withMaxTokens(maxTokens);
        settings = seed == null ? settings : settings.withSeed(seed);
        return stop == null ? settings : settings.withStopStrings(stop);
    }
}
