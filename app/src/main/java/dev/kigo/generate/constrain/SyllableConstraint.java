package dev.kigo.generate.constrain;

import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.LineLookahead;
import dev.kigo.generate.LogitsProcessor;
import dev.kigo.generate.PromptFormat;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The syllable-constrained mode ("keep to the form"): every piece generated with it scans to the form, 5-7-5 or any
 * other pattern, as the poem checker counts it. Make one per model and keep it (the per-token tables take a second
 * or so to build, once per prompt layout; build them off the UI thread with {@link #prepare}), then turn the mode on
 * for a request:
 *
 * <pre>{@code
 * SyllableConstraint keepForm = SyllableConstraint.create(model, prosody);
 * GenerationRequest request = keepForm.constrain(GenerationRequest.haiku("dog rain", settings), Form.HAIKU);
 * GenerationResult result = generator.generate(request);   // or start(...) to stream, or generateBatch(...)
 * }</pre>
 *
 * Words are real words (the pronouncing dictionary, the poet's, their plurals and possessives) unless coinages are
 * allowed. Works with sampling and beam search. If the mask ever leaves nothing, the row backs off (ends the line early) or
 * ends with {@code FinishReason.CONSTRAINT_DEAD_END}; either way {@code GenerationResult.note()} says what happened.
 * Thread-safe.
 */
public final class SyllableConstraint {
    private final TextTokenizer tokenizer;
    private final Prosody prosody;
    private final int endOfTextId;
    private final WordMeasure realWords;
    private final WordMeasure withCoinages;
    /** Tables for real words only, and for coinages allowed: built on first use, since each takes a second. */
    private final Map<LineLayout, TokenTable> tables = new EnumMap<>(LineLayout.class);
    private final Map<LineLayout, TokenTable> coinageTables = new EnumMap<>(LineLayout.class);

    public SyllableConstraint(TextTokenizer tokenizer, int endOfTextId, Prosody prosody) {
        this.tokenizer = tokenizer;
        this.prosody = prosody;
        this.endOfTextId = endOfTextId;
        this.realWords = new WordMeasure(prosody, false);
        this.withCoinages = new WordMeasure(prosody, true);
    }

    public static SyllableConstraint create(LanguageModel model, Prosody prosody) {
        return new SyllableConstraint(model.tokenizer(), model.info().eotId(), prosody);
    }

    /**
     * The request with the form kept, in real words only: its own processors first, then the mask (so the mask has
     * the last word). It is written line by line, each line chosen among {@link LineLookahead#CANDIDATES} that fit
     * (turn that off with {@code withLineCandidates(1)}: token by token, faster, lines end where the count runs out).
     */
    public GenerationRequest constrain(GenerationRequest request, Form form) {
        return constrain(request, form, false);
    }

    /**
     * The same; {@code allowCoinages} lets the model write words no dictionary knows (counted by estimate).
     *
     * <p>A request that goes on from the poet's own lines ({@link dev.kigo.generate.StanzaContinuation#request}) is
     * kept to the form from where they stop: their lines stay word for word and count as they are, and the model's
     * lines scan (after "an old silent pond", a 7 and a 5). The same call re-writes the rest of a stanza after a word
     * the poet chose: {@code constrain(stanza.withBody(stanza.body() + chosen, settings), form, coinages)};
     * {@link #leavesRoom} says beforehand whether the form can still be kept after it.
     */
    public GenerationRequest constrain(GenerationRequest request, Form form, boolean allowCoinages) {
        TokenTable table = table(LineLayout.of(request.lineFormat()), allowCoinages);
        FormAutomaton automaton = new FormAutomaton(form, table.layout(), table.measure());
        LineState start = startAfter(request.givenText(), form, table.layout());
        var existing = request.processors();
        return request.withProcessors(() -> {
            List<LogitsProcessor> processors = new ArrayList<>(existing.get());
            processors.add(new FormKeeper(table, automaton, start));
            return processors;
        }).withLineCandidates(LineLookahead.CANDIDATES);
    }

    /**
     * Whether the form can still be kept after the stanza's text so far (the poet's lines, then a word the poet
     * chose): the open line has not run past its count and a line is left to write. Words are counted as the checker
     * counts them, the dictionaries' and estimated alike.
     */
    public boolean leavesRoom(String givenText, Form form) {
        int lineStart = givenText.lastIndexOf(LineLayout.BRACKETED.separator) + 1;
        long linesGiven = givenText.chars().filter(c -> c == LineLayout.BRACKETED.separator).count();
        if (linesGiven >= form.lines().size() || givenText.indexOf(LineLayout.BRACKETED.closing) >= 0) {
            return false;
        }
        FormAutomaton counter = new FormAutomaton(form, LineLayout.BRACKETED, withCoinages);
        LineState state = counter.after(givenText.substring(0, lineStart));
        return counter.advance(state, FormAutomaton.straightApostrophes(givenText.substring(lineStart)), false);
    }

    /**
     * Where a row starts: after the given text, its words counted as the checker counts them (the poet's words
     * need not be in the dictionaries; the model's must, unless coinages are allowed).
     */
    private LineState startAfter(String givenText, Form form, LineLayout layout) {
        return new FormAutomaton(form, layout, withCoinages).after(givenText);
    }

    /** A fresh mask for one row of the given format, real words only (for callers that assemble processors). */
    public LogitsProcessor newProcessor(Form form, PromptFormat format) {
        return newProcessor(form, format, false);
    }

    public LogitsProcessor newProcessor(Form form, PromptFormat format, boolean allowCoinages) {
        TokenTable table = table(LineLayout.of(format), allowCoinages);
        return new FormKeeper(table, new FormAutomaton(form, table.layout(), table.measure()));
    }

    /** Builds the per-token tables (real words only) for a format now rather than on the first request. */
    public void prepare(PromptFormat format) {
        prepare(format, false);
    }

    public void prepare(PromptFormat format, boolean allowCoinages) {
        table(LineLayout.of(format), allowCoinages);
    }

    /** The dictionaries its words and lines are counted by. */
    public Prosody prosody() {
        return prosody;
    }

    /** Whether a finished word may be written in kept text without coinages (see {@link Lexicon}). */
    public boolean isRealWord(String word) {
        return realWords.lexicon().isWord(word);
    }

    TokenTable table(LineLayout layout) {
        return table(layout, false);
    }

    TokenTable table(LineLayout layout, boolean allowCoinages) {
        Map<LineLayout, TokenTable> built = allowCoinages ? coinageTables : tables;
        WordMeasure measure = allowCoinages ? withCoinages : realWords;
        synchronized (built) {
            return built.computeIfAbsent(layout, l -> TokenTable.build(tokenizer, endOfTextId, l, measure));
        }
    }
}
