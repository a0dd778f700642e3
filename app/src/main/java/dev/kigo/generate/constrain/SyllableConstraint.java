package dev.kigo.generate.constrain;

import dev.kigo.generate.GenerationRequest;
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
 * Works with sampling and beam search. If the mask ever leaves nothing, the row backs off (ends the line early) or
 * ends with {@code FinishReason.CONSTRAINT_DEAD_END}; either way {@code GenerationResult.note()} says what happened.
 * Thread-safe.
 */
public final class SyllableConstraint {
    private final TextTokenizer tokenizer;
    private final int endOfTextId;
    private final WordMeasure measure;
    private final Map<LineLayout, TokenTable> tables = new EnumMap<>(LineLayout.class);

    public SyllableConstraint(TextTokenizer tokenizer, int endOfTextId, Prosody prosody) {
        this.tokenizer = tokenizer;
        this.endOfTextId = endOfTextId;
        this.measure = new WordMeasure(prosody);
    }

    public static SyllableConstraint create(LanguageModel model, Prosody prosody) {
        return new SyllableConstraint(model.tokenizer(), model.info().eotId(), prosody);
    }

    /** The request with the form kept: its own processors first, then the mask (so the mask has the last word). */
    public GenerationRequest constrain(GenerationRequest request, Form form) {
        TokenTable table = table(LineLayout.of(request.format()));
        FormAutomaton automaton = new FormAutomaton(form, table.layout(), measure);
        var existing = request.processors();
        return request.withProcessors(() -> {
            List<LogitsProcessor> processors = new ArrayList<>(existing.get());
            processors.add(new FormKeeper(table, automaton));
            return processors;
        });
    }

    /** A fresh mask for one row of the given format (for callers that assemble processors themselves). */
    public LogitsProcessor newProcessor(Form form, PromptFormat format) {
        TokenTable table = table(LineLayout.of(format));
        return new FormKeeper(table, new FormAutomaton(form, table.layout(), measure));
    }

    /** Builds the per-token tables for a format now rather than on the first request. */
    public void prepare(PromptFormat format) {
        table(LineLayout.of(format));
    }

    TokenTable table(LineLayout layout) {
        synchronized (tables) {
            return tables.computeIfAbsent(layout, l -> TokenTable.build(tokenizer, endOfTextId, l, measure));
        }
    }
}
