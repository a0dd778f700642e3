package dev.kigo.generate;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What to generate: an input in a prompt format, the sampling settings, and optional extra logits processors.
 *
 * @param format     how the input becomes a prompt and how the piece is pulled out of the output
 * @param input      keywords, text or phonemes (or the whole prompt, for {@link PromptFormat#PLAIN})
 * @param settings   sampling settings
 * @param processors makes the extra logits processors for one generation row (called once per row or beam,
 *                   because processors may keep state); they run after the built-in ones
 * @param lineCandidates 2 or more: write line by line, choosing each line among this many candidates
 *                   ({@link LineLookahead}); 0 or 1: token by token
 * @param lineRule   a rule whole lines must keep, judged among the candidates when writing line by line
 */
public record GenerationRequest(PromptFormat format, String input, SamplingSettings settings,
                                Supplier<List<LogitsProcessor>> processors, int lineCandidates, LineRule lineRule) {

    public GenerationRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(settings, "settings");
        processors = processors == null ? List::of : processors;
        lineRule = lineRule == null ? LineRule.NONE : lineRule;
        if (lineCandidates < 0 || lineCandidates > LineLookahead.MAX_CANDIDATES) {
            throw new IllegalArgumentException("Line candidates must be between 0 and " + LineLookahead.MAX_CANDIDATES
                    + ", not " + lineCandidates + ".");
        }
    }

    public GenerationRequest(PromptFormat format, String input, SamplingSettings settings,
                             Supplier<List<LogitsProcessor>> processors) {
        this(format, input, settings, processors, 0, null);
    }

    public GenerationRequest(PromptFormat format, String input, SamplingSettings settings) {
        this(format, input, settings, null, 0, null);
    }

    /** Plain continuation of a prompt. */
    public static GenerationRequest plain(String prompt, SamplingSettings settings) {
        return new GenerationRequest(PromptFormat.PLAIN, prompt, settings);
    }

    /** A haiku from keywords: "(dog rain =" ... ")". */
    public static GenerationRequest haiku(String keywords, SamplingSettings settings) {
        return new GenerationRequest(PromptFormat.KEYWORDS_TO_HAIKU, keywords, settings);
    }

    public GenerationRequest withSettings(SamplingSettings newSettings) {
        return new GenerationRequest(format, input, newSettings, processors, lineCandidates, lineRule);
    }

    public GenerationRequest withProcessors(Supplier<List<LogitsProcessor>> newProcessors) {
        return new GenerationRequest(format, input, settings, newProcessors, lineCandidates, lineRule);
    }

    /** The request written line by line among {@code candidates} candidate lines (0 or 1: token by token). */
    public GenerationRequest withLineCandidates(int candidates) {
        return new GenerationRequest(format, input, settings, processors, candidates, lineRule);
    }

    /** The request with a rule whole lines must keep (judged only when written line by line). */
    public GenerationRequest withLineRule(LineRule rule) {
        return new GenerationRequest(format, input, settings, processors, lineCandidates, rule);
    }

    /** Whether it is written line by line ({@link LineLookahead}) rather than token by token. */
    public boolean looksAhead() {
        return lineCandidates > 1;
    }

    /**
     * The format the generated lines are written in: the request's own, or haiku from keywords for a plain prompt that
     * leaves a haiku open ("(rain = line one /", as {@link StanzaContinuation} gives the poet's lines to the model).
     */
    public PromptFormat lineFormat() {
        return format == PromptFormat.PLAIN && PromptFormat.KEYWORDS_TO_HAIKU.openBody(input) != null
                ? PromptFormat.KEYWORDS_TO_HAIKU : format;
    }

    /**
     * The piece's text the prompt already holds, in {@link #lineFormat()}: the poet's lines (" line one /") that the
     * model goes on from; empty when the model writes the piece from its start.
     */
    public String givenText() {
        String body = format == PromptFormat.PLAIN ? PromptFormat.KEYWORDS_TO_HAIKU.openBody(input) : null;
        return body == null ? "" : body;
    }

    /**
     * The piece as the poet reads it, one line each: the lines the prompt gave ({@link #givenText()}), then what the
     * model wrote up to the closing bracket; for any other request, the result's own {@link GenerationResult#text()}.
     */
    public String piece(GenerationResult result) {
        String given = givenText();
        return given.isEmpty() ? result.text() : lineFormat().extract(given + result.rawText());
    }

    /** The prompt text (without the leading end-of-text token the generator may add). */
    public String promptText() {
        return format.prompt(input);
    }
}
