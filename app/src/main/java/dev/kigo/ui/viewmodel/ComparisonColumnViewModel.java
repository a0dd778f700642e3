package dev.kigo.ui.viewmodel;

import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.TokenEvent;
import dev.kigo.generate.PromptFormat;
import dev.kigo.library.ComparisonColumn;
import dev.kigo.library.GenerationRecord;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.LineResult;
import dev.kigo.ui.presets.Preset;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One column of a comparison: its own sampling settings (a preset or custom), seed and Keep to the form, and what
 * its last run wrote, measured (syllables per line, mean log-probability, tokens/s). The comparison runs it;
 * tokens arrive here on the FX thread.
 */
public final class ComparisonColumnViewModel {

    // Properties
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<LineResult>> lines = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<GenerationResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logProb = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final BooleanProperty keepForm = new SimpleBooleanProperty();
    private final BooleanProperty picked = new SimpleBooleanProperty();

    private final String label;
    private final SamplingViewModel sampling;
    private final PresetsViewModel presets;
    private final ProsodyViewModel prosody;

    /** Identifies this column's current run; items of an older run are ignored. */
    private long ticket;
    private CancellationToken cancellation;
    private StreamingDisplay display;
    /** The poem's lines the run continues (empty for a new poem), shown above what the model writes. */
    private String given = "";
    private final StringBuilder written = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();
    private int tokens;
    private long startNanos;
    private long lastSpeedUpdate;
    private GenerationRequest request;
    private ModelSession.Loaded model;
    private String keptForm;
    /** What the library stores of the last finished run: made when it ends, or read back with a saved comparison. */
    private GenerationRecord record;

    ComparisonColumnViewModel(String label, SamplingViewModel sampling, PresetsViewModel presets, ProsodyViewModel prosody) {
        this.label = label;
        this.sampling = sampling;
        this.presets = presets;
        this.prosody = prosody;
        sampling.settingsProperty().addListener(o -> updateSummary());
        presets.selectedProperty().addListener(o -> updateSummary());
        presets.modifiedProperty().addListener(o -> updateSummary());
        keepForm.addListener(o -> updateSummary());
        prosody.formProperty().addListener(o -> updateSummary());
        prosody.readyProperty().addListener(o -> recheck());
        prosody.formProperty().addListener(o -> recheck());
        updateSummary();
    }

    /** "A", "B", …: how the comparison and the library name the column. */
    public String label() {
        return label;
    }

    public SamplingViewModel sampling() {
        return sampling;
    }

    public PresetsViewModel presets() {
        return presets;
    }

    /** Keep to the form, for this column alone (new poems from keywords). */
    public BooleanProperty keepFormProperty() {
        return keepForm;
    }

    /** In N samples: the poet picked this one to keep. */
    public BooleanProperty pickedProperty() {
        return picked;
    }

    /** What the column shows: the poem's lines it continues, then what the model wrote, as lines. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Each written line measured against the form (empty until the syllable dictionary is loaded). */
    public ReadOnlyObjectProperty<List<LineResult>> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last finished run; null before one or while the next runs. */
    public ReadOnlyObjectProperty<GenerationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** "12.3 tokens/s" while and after a run. */
    public ReadOnlyStringProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** "log p −1.84 per token": how likely the model finds what it wrote; empty until the run ends. */
    public ReadOnlyStringProperty logProbProperty() {
        return logProb.getReadOnlyProperty();
    }

    /** One line naming the settings: "Wild · temperature 1.25, top-p 0.98, min-p 0.02, …, seed 7 · kept to haiku". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Writing…", "Stopped", "Finished (end of text)", or empty before a run. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The settings this column runs with next, or empty (and why, to the banner) when a field is not valid. */
    Optional<SamplingSettings> settings() {
        return sampling.isValid() ? Optional.of(sampling.getSettings()) : Optional.empty();
    }

    // Commands

    /** Stops this column only; the others in its batch go on. What it wrote so far stays. */
    public void stop() {
        if (running.get() && cancellation != null) {
            cancellation.cancel();
            running.set(false);
            state.set("Stopped");
        }
    }

    /**
     * The library record of the last run, if {@code stanza} holds what this column wrote (so an edited stanza kept
     * from it still has its provenance, and a hand-written one never gets it).
     */
    public Optional<GenerationRecord> recordFor(String stanza) {
        String own = written.toString().strip();
        if (record == null || running.get() || own.isEmpty() || stanza == null
                || !normalise(stanza).contains(normalise(own))) {
            return Optional.empty();
        }
        return Optional.of(record);
    }

    /** The record of the last run; empty before one has finished. */
    public Optional<GenerationRecord> record() {
        return recordFor(text.get());
    }

    // The comparison's side of a run

    void begin(long ticket, CancellationToken cancellation, GenerationRequest request, ModelSession.Loaded model,
               String keptForm, String given, StreamingDisplay display) {
        this.ticket = ticket;
        this.cancellation = cancellation;
        this.request = request;
        this.model = model;
        this.keptForm = keptForm;
        this.given = given;
        this.display = display;
        written.setLength(0);
        raw.setLength(0);
        tokens = 0;
        startNanos = System.nanoTime();
        result.set(null);
        record = null;
        speed.set("");
        logProb.set("");
        state.set("Writing…");
        running.set(true);
        show();
    }

    long ticket() {
        return ticket;
    }

    /** Tokens of the current run, in order. Stops the row once its stanza has all its lines. */
    void tokens(List<TokenEvent> events) {
        if (!running.get()) {
            return; // stopped: the batch pads this row until it ends, nothing more is shown
        }
        for (TokenEvent event : events) {
            raw.append(event.textDelta());
            written.append(display.push(event.textDelta()));
            tokens++;
        }
        if (display.isFull()) {
            cancellation.cancel();
        }
        long now = System.nanoTime();
        // A few updates a second are readable; one per batch only lays the column out again.
        if (now - lastSpeedUpdate > 250_000_000L) {
            lastSpeedUpdate = now;
            speed.set(String.format(Locale.ROOT, "%.1f tokens/s", tokens / Math.max((now - startNanos) / 1e9, 1e-3)));
        }
        show();
    }

    void end(GenerationResult finished) {
        boolean stopped = !running.get();
        if (!stopped) {
            // Bytes of a character cut short at the end come only with the result (the decoder's flush).
            String all = finished.rawText();
            if (all.length() > raw.length() && all.startsWith(raw.toString())) {
                written.append(display.push(all.substring(raw.length())));
            }
            written.append(display.finish());
        }
        running.set(false);
        record = model.record(request, finished, keptForm);
        result.set(finished);
        speed.set(String.format(Locale.ROOT, "%.1f tokens/s", finished.tokensPerSecond()));
        logProb.set(logProbText(finished));
        if (!stopped) {
            state.set(switch (finished.finishReason()) {
                case END_OF_TEXT, END_OF_FORMAT -> "Finished";
                case CANCELLED -> "Finished: the stanza is complete";
                case MAX_TOKENS -> "Stopped at the token limit";
                case STOP_STRING -> "Finished at a stop word";
                case CONTEXT_FULL -> "Stopped: the model's context is full";
                case CONSTRAINT_DEAD_END -> "Finished: no word fitted the form";
            });
        }
        show();
    }

    /**
     * Shows a column of a saved comparison as it was: its settings, its text and how it measured. Kept or saved from
     * here, the poem keeps that column's generation record.
     */
    void showSaved(ComparisonColumn saved, int lineBreaks) {
        GenerationRecord stored = saved.generation();
        ticket = -1;
        cancellation = null;
        presets.restoreSelection(saved.label());
        sampling.apply(stored.settings());
        keepForm.set(stored.keptForm() != null);
        display = new StreamingDisplay(PromptFormat.KEYWORDS_TO_HAIKU.closing(), true, lineBreaks);
        given = "";
        written.setLength(0);
        written.append(display.push(stored.rawText())).append(display.finish());
        raw.setLength(0);
        raw.append(stored.rawText());
        running.set(false);
        record = stored;
        GenerationResult reread = new GenerationResult(stored.prompt(), stored.rawText(), written.toString(),
                stored.tokenIds(), stored.finishReason(), stored.promptTokens(), stored.generatedTokens(),
                stored.promptMillis(), stored.generationMillis(), stored.meanLogProb(), stored.note());
        result.set(reread);
        speed.set(String.format(Locale.ROOT, "%.1f tokens/s", reread.tokensPerSecond()));
        logProb.set(logProbText(reread));
        state.set("Saved with the comparison");
        show();
    }

    /** The name a saved comparison keeps for this column: its preset's, or "Custom". */
    String savedLabel() {
        Preset preset = presets.selectedProperty().get();
        return preset == null || presets.modifiedProperty().get() ? "Custom" : preset.name();
    }

    void fail() {
        running.set(false);
        state.set("Failed");
    }

    private void show() {
        String shown = given + written;
        text.set(shown);
        recheck();
    }

    private void recheck() {
        Form form = prosody.formProperty().get();
        String shown = text.get();
        lines.set(form == null || shown.isBlank() ? List.of()
                : prosody.prosody().map(p -> p.check(shown, form).lines()).orElse(List.of()));
    }

    private void updateSummary() {
        Preset preset = presets.selectedProperty().get();
        String name = preset == null ? "Custom" : preset.name() + (presets.modifiedProperty().get() ? " (edited)" : "");
        Form form = prosody.formProperty().get();
        summary.set(name + " · " + sampling.getSettings().summary()
                + (keepForm.get() && form != null ? " · kept to " + form.name() : ""));
    }

    private static String logProbText(GenerationResult finished) {
        return finished.generatedTokens() == 0 ? ""
                : String.format(Locale.ROOT, "log p %s per token", signed(finished.meanLogProb()));
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replace('-', '−');
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
