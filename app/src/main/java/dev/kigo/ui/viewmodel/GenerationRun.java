package dev.kigo.ui.viewmodel;

import dev.kigo.generate.GenerationJob;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.Generator;
import dev.kigo.generate.WholeWords;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.StanzaContinuation;
import dev.kigo.generate.TokenEvent;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.prosody.Form;
import dev.kigo.library.GenerationRecord;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.settings.GenerationMode;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs generations for the editor on the studio's {@link ModelSession}: reads its own inputs (mode, keywords, Keep
 * to the form) and sampling settings, and writes to its own {@link Output}, with its own pending text and run
 * state. Token events travel from the generating thread through the FX executor's batcher, so the FX thread gets one batch per pulse however fast the model writes; the end
 * of a run travels the same way, so it always arrives after its last token.
 */
public final class GenerationRun {

    /** Where a run's text goes in the editor. */
    public enum Placement {
        /** A new piece after the text (a blank line between, if there is text). */
        NEW_PIECE,
        /** Straight after the text. */
        APPEND,
        /** Into the pending generated text, which the view has cut where the poet chose an alternative. */
        PENDING
    }

    /** What the editor does with a run. Called on the FX thread. */
    public interface Output {
        void begin(Placement placement);

        /**
         * Tokens with the text each adds to the editor (already shaped for display, possibly empty). Together the
         * tokens of a pending block are numbered from 0 in arrival order: that number is the {@code position}
         * of {@link #continueFromAlternative}.
         */
        void tokens(List<ShownToken> tokens);

        /** Text that belongs to no token (held-back spacing released at the end of a run). */
        void text(String shown);

        /** The run ended (finished, stopped or failed: then {@code result} is null). */
        void end(GenerationResult result);
    }


    private sealed interface StreamItem permits TokenItem, EndItem, FailedItem { }
    private record TokenItem(long run, TokenEvent token) implements StreamItem { }
    private record EndItem(long run, GenerationResult result) implements StreamItem { }
    private record FailedItem(long run, Throwable failure) implements StreamItem { }

    /**
     * Tokens reach the editor at most this often. Each update costs the editor a new cell for the line being
     * written (CSS, layout, a repaint); ten a second still reads as live and leaves the FX thread time in between
     * (docs/benchmarks.md, "Studio: frames while the model streams").
     */
    static final long EDITOR_UPDATE_INTERVAL_MILLIS = 100;

    // Properties

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GenerationResult> lastResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper keepFormAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keepFormHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    private final ModelSession session;
    private final GenerationInputs inputs;
    private final SamplingViewModel sampling;
    private final ProsodyViewModel prosody;
    private final Consumer<String> errors;
    private final FxExecutor executor;
    private final Consumer<StreamItem> stream;
    private Output output;
    private GenerationJob job;

    /** Identifies the current run; items of an older run (stopped, replaced) are ignored. */
    private long run;
    private StreamingDisplay display;
    /** The stanza the pending block belongs to: its keywords and the lines before the block. */
    private StanzaContinuation blockStanza = new StanzaContinuation("", List.of(), false);
    /** How many line breaks the pending block may show before the stanza is full. */
    private int blockLineBreaks = StreamingDisplay.UNLIMITED;
    /** The pending block's tokens and their raw text, across runs continued from alternatives. */
    private final List<TokenEvent> blockTokens = new ArrayList<>();
    private final List<String> blockRaw = new ArrayList<>();
    private long runStartNanos;
    private int runTokens;
    private long lastSpeedUpdate;
    /** The raw text of this run's tokens, to find what the result adds at the end. */
    private final StringBuilder runRaw = new StringBuilder();
    /** What the editor shows of the pending block: the model's text less its format and what the stanza had no room for. */
    private final StringBuilder blockShown = new StringBuilder();
    /** The stanza's text before the pending block (the poet's lines a Continue goes on from); empty for a new one. */
    private String blockPrefix = "";
    /**
     * The stanzas this run's generations left in the editor, newest first, so a stanza the poet saves later (after
     * other runs, picking an alternative, or editing it) still knows the generation that wrote it.
     */
    private final Deque<Written> written = new ArrayDeque<>();
    /** Enough for every stanza of a long session; the oldest are forgotten first. */
    static final int WRITTEN_KEPT = 200;
    /** A word or two of the model's found in a stanza says nothing about who wrote it; a dozen letters do. */
    static final int MIN_CHARS_KEPT = 12;

    /**
     * A stanza a generation left in the editor: the whole stanza, what the model wrote of it, and the record (made
     * when the run ends, with the model that wrote it, whatever is loaded when the poet saves).
     */
    private record Written(String stanza, String shown, GenerationRecord record) { }

    /** What made the current run, for the library. */
    private GenerationRequest runRequest;
    /** The model the current run writes with. */
    private ModelSession.Loaded runModel;
    /** The form the current run is held to ("keep to the form"), as its spec; null for a free run. */
    private String runKeptForm;
    /** Regenerate redoes the last command: after Continue it continues again rather than writing a new haiku. */
    private boolean regenerateContinues;

    public GenerationRun(ModelSession session, GenerationInputs inputs, SamplingViewModel sampling,
                         ProsodyViewModel prosody, Consumer<String> errors, FxExecutor executor) {
        this.session = session;
        this.inputs = inputs;
        this.sampling = sampling;
        this.prosody = prosody;
        this.errors = errors;
        this.executor = executor;
        this.stream = executor.batching(this::onBatch, EDITOR_UPDATE_INTERVAL_MILLIS);
        Runnable recheck = this::updateKeepForm;
        session.readyProperty().addListener(o -> recheck.run());
        session.loadingProperty().addListener(o -> recheck.run());
        // A run on a model being replaced stops; its text stays.
        session.loadedProperty().addListener((obs, old, now) -> {
            if (old != null) {
                stop();
            }
        });
        prosody.readyProperty().addListener(o -> recheck.run());
        prosody.formProperty().addListener(o -> recheck.run());
        prosody.formErrorProperty().addListener(o -> recheck.run());
        inputs.mode().addListener(o -> recheck.run());
        inputs.keepForm().addListener(o -> recheck.run());
        updateKeepForm();
    }

    /** Whether "keep to the form" can be used now: a model and the syllable dictionary loaded, a form with a pattern. */
    public ReadOnlyBooleanProperty keepFormAvailableProperty() {
        return keepFormAvailable.getReadOnlyProperty();
    }

    /** Why "keep to the form" is off, or what it does when it can be used (for the switch's tooltip). */
    public ReadOnlyStringProperty keepFormHintProperty() {
        return keepFormHint.getReadOnlyProperty();
    }

    /** A sentence about something unusual in the last run (a constrained-decoding back-off); empty if none. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private void updateKeepForm() {
        String reason = keepFormUnavailableReason();
        keepFormAvailable.set(reason == null);
        keepFormHint.set(reason != null ? reason
                : "Every line the model writes keeps to the form's syllable count (continuing, your own lines stay as "
                + "they are and the model's lines fill the form): the model may only write words that fit.");
        if (reason == null && inputs.keepForm().get()) {
            preparedKeepForm();
        }
    }

    private String keepFormUnavailableReason() {
        if (!session.readyProperty().get()) {
            return session.loadingProperty().get() ? "Keeping to the form needs the model, which is still loading."
                    : "Keeping to the form needs a model: use File › Open model folder….";
        }
        if (!prosody.readyProperty().get() || prosody.prosody().isEmpty()) {
            return "Keeping to the form needs the syllable dictionary, which is still loading.";
        }
        if (!prosody.formErrorProperty().get().isEmpty()) {
            return "Fix the custom pattern first: " + prosody.formErrorProperty().get();
        }
        Form form = prosody.formProperty().get();
        if (form == null || form.isFree()) {
            return "Free verse has no syllable pattern to keep to: choose haiku, tanka or a custom pattern.";
        }
        return null;
    }

    private CompletableFuture<SyllableConstraint> preparedKeepForm() {
        return session.keepForm(prosody.prosody().orElseThrow());
    }

    public void setOutput(Output output) {
        this.output = output;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "123.4 tokens/s" while generating and after; empty before the first run. */
    public ReadOnlyStringProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GenerationResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    // Commands


    /** Generate: a new haiku from the keywords, or a continuation of the editor's text; a new seed unless locked. */
    public void generate(String editorText) {
        SamplingSettings settings = settingsForNewRun();
        if (settings == null || !readyToRun()) {
            return;
        }
        regenerateContinues = false;
        if (inputs.mode().get() == GenerationMode.FROM_KEYWORDS) {
            String keywords = inputs.keywords().get().strip();
            if (keywords.isEmpty()) {
                errors.accept("Type a few keywords first, or switch the mode to “Continue my text”.");
                return;
            }
            GenerationRequest request = GenerationRequest.haiku(keywords, settings);
            if (inputs.keepForm().get() && keepFormAvailable.get()) {
                startKeptToForm(request, prosody.formProperty().get());
                return;
            }
            newBlock(new StanzaContinuation(keywords, List.of(), false), lineBreaksOfNewStanza());
            startRun(request, Placement.NEW_PIECE);
        } else {
            continueStanza(editorText, settings);
        }
    }

    /**
     * Starts a haiku run constrained to {@code form} once the form keeper is prepared (at once if it is). The run
     * counts as started from now: Stop cancels it while the tables are still being built.
     */
    private void startKeptToForm(GenerationRequest request, Form form) {
        startKeptToForm(request, form, () -> newBlock(new StanzaContinuation(request.input(), List.of(), false),
                lineBreaksOfNewStanza()), Placement.NEW_PIECE);
    }

    /** The same, with {@code placeBlock} setting up where the text goes once the run can start. */
    private void startKeptToForm(GenerationRequest request, Form form, Runnable placeBlock, Placement placement) {
        CompletableFuture<SyllableConstraint> prepared = preparedKeepForm();
        ModelSession.Loaded forModel = session.loaded().orElseThrow();
        long ticket = ++run;
        running.set(true);
        if (!prepared.isDone()) {
            speed.set("Preparing to keep to the form…");
        }
        prepared.whenComplete((constraint, failure) -> {
            if (run != ticket || session.loaded().orElse(null) != forModel) {
                return;
            }
            running.set(false);
            speed.set("");
            if (failure != null) {
                session.forgetKeepForm();
                errors.accept("Keeping to the form failed: " + UserMessages.describe(failure));
                return;
            }
            GenerationRequest constrained;
            try {
                constrained = constraint.constrain(request, form);
            } catch (IllegalArgumentException e) {
                errors.accept(e.getMessage());
                return;
            }
            placeBlock.run();
            startRun(constrained, placement, form.name());
        });
    }

    /** Regenerate: the same command again, with a fresh seed unless locked (the view has removed the pending text). */
    public void regenerate(String editorText) {
        if (regenerateContinues) {
            continueText(editorText);
        } else {
            generate(editorText);
        }
    }

    /** Continue: the model goes on with the last stanza of the editor, or writes the next one if it is finished. */
    public void continueText(String editorText) {
        SamplingSettings settings = settingsForNewRun();
        if (settings == null || !readyToRun()) {
            return;
        }
        regenerateContinues = true;
        continueStanza(editorText, settings);
    }

    /**
     * The last stanza goes back to the model in its training format ("(keywords = line / line /"), because that is
     * the only text it has learnt to go on from; the keywords are the panel's in keyword mode, else the poem's own
     * words. The model may write only the lines the form has room for; a finished stanza is left as it is and the
     * model writes the next one, after a blank line.
     */
    private void continueStanza(String editorText, SamplingSettings settings) {
        String keywords = inputs.mode().get() == GenerationMode.FROM_KEYWORDS ? inputs.keywords().get() : "";
        StanzaContinuation whole = StanzaContinuation.of(editorText, keywords);
        int formLines = formLines();
        boolean afterBlankLine = whole.lines().isEmpty() && !editorText.isBlank();
        boolean keepingForm = inputs.keepForm().get() && keepFormAvailable.get();
        if (afterBlankLine || (formLines > 0 && whole.finishedLines() >= formLines)) {
            GenerationRequest request = GenerationRequest.haiku(whole.keywords(), settings);
            if (keepingForm) {
                startKeptToForm(request, prosody.formProperty().get(), () -> newBlock(
                        new StanzaContinuation(whole.keywords(), List.of(), false), lineBreaksOfNewStanza()),
                        Placement.NEW_PIECE);
                return;
            }
            newBlock(new StanzaContinuation(whole.keywords(), List.of(), false), lineBreaksOfNewStanza());
            startRun(request, Placement.NEW_PIECE);
            return;
        }
        // Lines left to write, counting the open one: one fewer line breaks (counted on the whole stanza, of which
        // the model may see only the last lines).
        // The block goes straight after the text, so the stanza it leaves is the text's last block and then the block.
        String[] blocks = editorText.replace("\r", "").split("\\n[ \\t]*\\n", -1);
        StanzaContinuation fitted = session.loaded().orElseThrow().fitToContext(whole, settings);
        int lineBreaks = formLines > 0 ? formLines - whole.finishedLines() - 1 : StreamingDisplay.UNLIMITED;
        String lastBlock = blocks[blocks.length - 1];
        if (keepingForm) {
            // The poet's lines stay as they are; the model's lines fill the form from where they stop.
            startKeptToForm(fitted.request(settings), prosody.formProperty().get(),
                    () -> newBlock(fitted, lineBreaks, lastBlock), Placement.APPEND);
            return;
        }
        newBlock(fitted, lineBreaks, lastBlock);
        startRun(blockStanza.request(settings), Placement.APPEND);
    }

    /** The number of lines of the form; 0 for free verse, which ends where the model closes the stanza. */
    private int formLines() {
        Form form = prosody.formProperty().get();
        return form == null || form.isFree() ? 0 : form.lines().size();
    }

    private int lineBreaksOfNewStanza() {
        return formLines() > 0 ? formLines() - 1 : StreamingDisplay.UNLIMITED;
    }

    /**
     * Continue from an alternative: the pending block up to token {@code position}, then {@code alternative}
     * instead of the token the model chose there, then the model goes on. The view has already cut its text
     * just before that token.
     */
    public void continueFromAlternative(int position, TokenEvent.Alternative alternative) {
        if (!canContinueFromAlternative(position, alternative)) {
            return;
        }
        SamplingSettings settings = sampling.getSettings();
        String kept = rawBefore(position);
        GenerationRequest next = blockStanza.withBody(blockStanza.body() + kept + alternative.text(), settings);
        String keptForm = runKeptForm;
        if (keptForm != null) {
            next = preparedKeepForm().join().constrain(next, prosody.formProperty().get());
        }
        stop();
        TokenEvent replaced = blockTokens.get(position);
        blockTokens.subList(position, blockTokens.size()).clear();
        blockRaw.subList(position, blockRaw.size()).clear();
        TokenEvent chosen = new TokenEvent(alternative.tokenId(), alternative.text(), alternative.probability(),
                replaced.alternatives(), position);
        startRun(next, Placement.PENDING, keptForm);
        // Replay the kept text silently (it is in the editor), then shape the alternative like a streamed token.
        display = newDisplay();
        blockShown.setLength(0);
        show(kept);
        blockTokens.add(chosen);
        blockRaw.add(alternative.text());
        if (output != null) {
            output.tokens(List.of(new ShownToken(chosen, show(alternative.text()))));
        }
    }

    /**
     * The alternatives at token {@code position} of the pending block as whole words with their probabilities,
     * worked out by the model in the background (the hover card asks when it opens). Empty when the block no
     * longer holds that token or no model is loaded.
     */
    public CompletableFuture<List<WholeWords.WordAlternative>> wordAlternatives(int position) {
        if (session.loaded().isEmpty() || position < 0 || position >= blockTokens.size()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Generator words = session.loaded().get().generator();
        StanzaContinuation stanza = blockStanza;
        SamplingSettings settings = sampling.getSettings();
        String kept = rawBefore(position);
        List<TokenEvent.Alternative> alternatives = blockTokens.get(position).alternatives();
        return executor.supply(() -> WholeWords.complete(words, kept,
                text -> stanza.withBody(stanza.body() + text, settings), alternatives, new CancellationToken()));
    }

    /** Stop: the run ends within one model step; the text so far stays. */
    public void stop() {
        if (job != null) {
            job.cancel();
        } else if (running.get()) {
            // Still preparing the form keeper: the run never starts.
            run++;
            running.set(false);
            speed.set("");
        }
    }

    // Internals

    private void newBlock(StanzaContinuation stanza, int lineBreaks) {
        newBlock(stanza, lineBreaks, "");
    }

    private void newBlock(StanzaContinuation stanza, int lineBreaks, String prefix) {
        blockStanza = stanza;
        blockPrefix = prefix;
        blockLineBreaks = lineBreaks;
        blockTokens.clear();
        blockRaw.clear();
        blockShown.setLength(0);
        display = newDisplay();
    }

    private StreamingDisplay newDisplay() {
        return new StreamingDisplay(PromptFormat.KEYWORDS_TO_HAIKU.closing(), blockStanza.beginsLine(), blockLineBreaks);
    }

    private void startRun(GenerationRequest request, Placement placement) {
        startRun(request, placement, null);
    }

    private void startRun(GenerationRequest request, Placement placement, String keptForm) {
        stop();
        runRequest = request;
        runKeptForm = keptForm;
        long thisRun = ++run;
        runRaw.setLength(0);
        runTokens = 0;
        runStartNanos = System.nanoTime();
        running.set(true);
        speed.set("");
        note.set("");
        if (output != null) {
            output.begin(placement);
        }
        // The originality guard, as on the command line, so a piece reproduces the same in either.
        ModelSession.Loaded loaded = session.loaded().orElseThrow();
        runModel = loaded;
        job = loaded.generator().start(loaded.guarded(request), new GenerationListener() {
            @Override
            public void onToken(int row, TokenEvent event) {
                stream.accept(new TokenItem(thisRun, event));
            }

            @Override
            public void onFinished(int row, GenerationResult result) {
                stream.accept(new EndItem(thisRun, result));
            }
        });
        job.result().whenComplete((result, failure) -> {
            if (failure != null) {
                stream.accept(new FailedItem(thisRun, failure));
            }
        });
    }

    private void onBatch(List<StreamItem> items) {
        List<ShownToken> shown = new ArrayList<>(items.size());
        for (StreamItem item : items) {
            if (item instanceof TokenItem token && token.run() == run) {
                blockRaw.add(token.token().textDelta());
                runRaw.append(token.token().textDelta());
                blockTokens.add(token.token());
                runTokens++;
                shown.add(new ShownToken(token.token(), show(token.token().textDelta())));
                if (display.isFull() && job != null) {
                    // The stanza has all its lines: what the model writes next would be shown nowhere.
                    job.cancel();
                }
            } else if (item instanceof EndItem end && end.run() == run) {
                flush(shown);
                // Bytes of a character cut short at the end come only with the result (the decoder's flush).
                String raw = end.result().rawText();
                if (raw.length() > runRaw.length() && raw.startsWith(runRaw.toString())) {
                    String tail = show(raw.substring(runRaw.length()));
                    if (!tail.isEmpty() && output != null) {
                        output.text(tail);
                    }
                }
                String rest = display.finish();
                blockShown.append(rest);
                if (!rest.isEmpty() && output != null) {
                    output.text(rest);
                }
                finishRun(end.result());
            } else if (item instanceof FailedItem failed && failed.run() == run) {
                flush(shown);
                finishRun(null);
                errors.accept("The generation failed: " + UserMessages.describe(failed.failure()));
            }
        }
        flush(shown);
        long now = System.nanoTime();
        // A few updates a second are readable; one per batch only makes the status bar re-layout.
        if (running.get() && runTokens > 0 && now - lastSpeedUpdate > 250_000_000L) {
            lastSpeedUpdate = now;
            double seconds = (now - runStartNanos) / 1e9;
            speed.set(String.format(Locale.ROOT, "%.1f tokens/s", runTokens / Math.max(seconds, 1e-3)));
        }
    }

    /** Shapes raw model text for the editor, keeping what the pending block shows. */
    private String show(String raw) {
        String shown = display.push(raw);
        blockShown.append(shown);
        return shown;
    }

    private void flush(List<ShownToken> shown) {
        if (!shown.isEmpty() && output != null) {
            output.tokens(List.copyOf(shown));
        }
        shown.clear();
    }

    private void finishRun(GenerationResult result) {
        running.set(false);
        job = null;
        if (result != null) {
            String shown = blockShown.toString();
            if (!shown.isBlank()) {
                written.addFirst(new Written((blockPrefix + shown).strip(), shown.strip(),
                        runModel.record(runRequest, result, runKeptForm)));
                if (written.size() > WRITTEN_KEPT) {
                    written.removeLast();
                }
            }
            lastResult.set(result);
            note.set(result.note());
            speed.set(String.format(Locale.ROOT, "%.1f tokens/s", result.tokensPerSecond()));
        }
        if (output != null) {
            output.end(result);
        }
    }

    private boolean readyToRun() {
        Optional<String> notReady = session.notReadyReason();
        notReady.ifPresent(errors);
        return notReady.isEmpty();
    }

    /**
     * Whether {@link #continueFromAlternative} would start a run (saying why not if it would not); asked before the
     * view cuts its text, so a refused continuation leaves the text as it was.
     */
    public boolean canContinueFromAlternative(int position) {
        return settingsOrComplain() != null && readyToRun() && position >= 0 && position < blockTokens.size();
    }

    /**
     * The same for one alternative, saying why not: a block written to the form goes on to the form after the
     * poet's word, so a word that leaves no way to keep the count is refused before anything changes.
     */
    public boolean canContinueFromAlternative(int position, TokenEvent.Alternative alternative) {
        if (!canContinueFromAlternative(position)) {
            return false;
        }
        if (runKeptForm == null) {
            return true;
        }
        SyllableConstraint constraint = preparedKeepForm().getNow(null);
        Form form = prosody.formProperty().get();
        if (constraint == null || form == null || !form.name().equals(runKeptForm)) {
            errors.accept("This stanza was kept to " + runKeptForm + ", which is not the form chosen now: choose it "
                    + "again to pick another word here.");
            return false;
        }
        String given = blockStanza.body() + rawBefore(position) + alternative.text();
        if (!constraint.leavesRoom(given, form)) {
            errors.accept("“" + alternative.text().strip() + "” leaves no way to keep to the form here: pick another "
                    + "word.");
            return false;
        }
        return true;
    }

    /** The pending block's raw text before token {@code position}: what an alternative there goes on from. */
    private String rawBefore(int position) {
        return String.join("", blockRaw.subList(0, position));
    }

    private SamplingSettings settingsForNewRun() {
        sampling.rollSeedUnlessLocked();
        return settingsOrComplain();
    }

    private SamplingSettings settingsOrComplain() {
        if (!sampling.isValid()) {
            errors.accept("Fix the sampling settings first: " + sampling.firstErrorProperty().get());
            return null;
        }
        return sampling.getSettings();
    }

    /**
     * Which of this run's generations wrote {@code stanza}, if any (so a hand-written poem is never saved as
     * generated): the newest that left exactly this text, else the newest whose lines the poet kept in it (the
     * model's whole text, if it is a dozen characters at least, or most of its stanza's lines), marked as changed since.
     */
    public Optional<Provenance> provenanceOf(String stanza) {
        if (stanza == null || stanza.isBlank()) {
            return Optional.empty();
        }
        for (Written w : written) {
            if (Provenance.sameText(stanza, w.stanza())) {
                return Optional.of(new Provenance(w.record(), w.stanza(), false));
            }
        }
        String flat = Provenance.flat(stanza);
        for (Written w : written) {
            String model = Provenance.flat(w.shown());
            boolean keptModelText = model.length() >= MIN_CHARS_KEPT && flat.contains(model);
            if (keptModelText || Provenance.keepsMostOf(stanza, w.stanza())) {
                return Optional.of(new Provenance(w.record(), w.stanza(), true));
            }
        }
        return Optional.empty();
    }

    /** The record of the generation that wrote {@code stanza}, if one of this run's did. */
    public Optional<GenerationRecord> recordFor(String stanza) {
        return provenanceOf(stanza).map(Provenance::record);
    }
}
