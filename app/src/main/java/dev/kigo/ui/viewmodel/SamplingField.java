package dev.kigo.ui.viewmodel;

import dev.kigo.generate.SamplingSettings;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * One editable knob of {@link SamplingSettings}: how to show it as text and how to put typed text back into
 * a settings record. Replacing one component at a time lets each field carry its own validation message
 * (the record's compact constructor writes the sentence).
 */
public enum SamplingField {
    TEMPERATURE("Temperature", "How adventurous the word choice is. 0 always takes the likeliest token.",
            s -> decimal(s.temperature()),
            (s, t) -> s.withTemperature(parseDecimal(t, "Temperature"))),
    TOP_K("Top-k", "Only the k likeliest tokens may be picked. 0 turns this off.",
            s -> Integer.toString(s.topK()),
            (s, t) -> s.withTopK(parseWhole(t, "Top-k"))),
    TOP_P("Top-p", "Only the smallest set of tokens whose probabilities add up to p may be picked. 1 turns this off.",
            s -> decimal(s.topP()),
            (s, t) -> s.withTopP(parseDecimal(t, "Top-p"))),
    MIN_P("Min-p", "Drops tokens less likely than this fraction of the likeliest one. 0 turns this off.",
            s -> decimal(s.minP()),
            (s, t) -> s.withMinP(parseDecimal(t, "Min-p"))),
    REPETITION_PENALTY("Repetition penalty", "Above 1 makes words already used less likely. 1 turns this off.",
            s -> decimal(s.repetitionPenalty()),
            (s, t) -> s.withRepetitionPenalty(parseDecimal(t, "Repetition penalty"))),
    NO_REPEAT_NGRAM("No-repeat n-gram", "Never repeat a run of this many tokens. 0 turns this off.",
            s -> Integer.toString(s.noRepeatNgramSize()),
            (s, t) -> s.withNoRepeatNgramSize(parseWhole(t, "No-repeat n-gram size"))),
    BEAMS("Beams", "Search several continuations at once and keep the likeliest. 1 means sampling.",
            s -> Integer.toString(s.beams()),
            (s, t) -> s.withBeams(parseWhole(t, "Beams"))),
    MAX_TOKENS("Max tokens", "The most tokens one generation may write.",
            s -> Integer.toString(s.maxTokens()),
            (s, t) -> s.withMaxTokens(parseWhole(t, "Max tokens"))),
    SEED("Seed", "The same seed and settings write the same text again.",
            s -> Long.toString(s.seed()),
            (s, t) -> s.withSeed(parseLong(t, "Seed")));

    /** Puts typed text into a settings record; throws IllegalArgumentException with a readable sentence. */
    @FunctionalInterface
    interface Setter {
        SamplingSettings apply(SamplingSettings base, String text);
    }

    private final String label;
    private final String help;
    private final Function<SamplingSettings, String> format;
    private final Setter setter;

    SamplingField(String label, String help, Function<SamplingSettings, String> format, Setter setter) {
        this.label = label;
        this.help = help;
        this.format = format;
        this.setter = setter;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public String format(SamplingSettings settings) {
        return format.apply(settings);
    }

    public SamplingSettings apply(SamplingSettings base, String text) {
        return setter.apply(base, text == null ? "" : text.strip());
    }

    static String decimal(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static double parseDecimal(String text, String name) {
        try {
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number" + (text.isEmpty() ? "." : ", not \"" + text + "\"."));
        }
    }

    private static int parseWhole(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number" + (text.isEmpty() ? "." : ", not \"" + text + "\"."));
        }
    }

    private static long parseLong(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number" + (text.isEmpty() ? "." : ", not \"" + text + "\"."));
        }
    }
}
