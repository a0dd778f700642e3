package dev.kigo.cli;

import dev.kigo.generate.SamplingSettings;
import picocli.CommandLine.Option;

import java.util.List;

/** Every sampling setting as an option; unset ones take {@link SamplingSettings#defaults()}. */
final class SamplingOptions {
    @Option(names = "--temperature", paramLabel = "T", description = "0 = greedy; higher is wilder (default 0.8).")
    Double temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "Keep the K most likely tokens; 0 = off (default 40).")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "Keep the smallest set reaching P; 1 = off (default 0.95).")
    Double topP;

    @Option(names = "--min-p", paramLabel = "P", description = "Drop tokens below P x the best; 0 = off (default 0).")
    Double minP;

    @Option(names = "--repetition-penalty", paramLabel = "R", description = "1 = off (default 1.1).")
    Double repetitionPenalty;

    @Option(names = "--no-repeat-ngram", paramLabel = "N", description = "Forbid repeating any N-gram; 0 = off.")
    Integer noRepeatNgram;

    @Option(names = "--beams", paramLabel = "B", description = "Beam search width; 1 = sampling (default).")
    Integer beams;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate (default 64).")
    Integer maxTokens;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same text (default 42).")
    Long seed;

    @Option(names = "--stop", paramLabel = "TEXT", description = "Stop when this text appears (repeatable).")
    List<String> stop;

    SamplingSettings settings() {
        SamplingSettings d = SamplingSettings.defaults();
        return new SamplingSettings(
                temperature != null ? temperature : d.temperature(),
                topK != null ? topK : d.topK(),
                topP != null ? topP : d.topP(),
                minP != null ? minP : d.minP(),
                repetitionPenalty != null ? repetitionPenalty : d.repetitionPenalty(),
                noRepeatNgram != null ? noRepeatNgram : d.noRepeatNgramSize(),
                beams != null ? beams : d.beams(),
                maxTokens != null ? maxTokens : d.maxTokens(),
                seed != null ? seed : d.seed(),
                stop != null ? stop : d.stopStrings());
    }
}
