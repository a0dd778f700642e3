package dev.kigo.ui.viewmodel;

import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.StanzaContinuation;
import dev.kigo.generate.TokenEvent;
import dev.kigo.generate.YieldingThreads;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.library.Comparison;
import dev.kigo.library.ComparisonColumn;
import dev.kigo.library.ComparisonDraft;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Library;
import dev.kigo.prosody.Form;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.presets.BuiltInPresets;
import dev.kigo.ui.presets.Preset;
import dev.kigo.ui.presets.UserPresetsStore;
import dev.kigo.ui.settings.GenerationMode;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Side by side: one prompt, two to four columns, each with its own settings, all written at once on the studio's
 * model session. Columns that can share a batch (no line-by-line lookahead, no beams) run as one batch, one model
 * step for all; the others run beside it, each on its own. Each column can be stopped alone.
 */
public final class ComparisonViewModel {

    public static final int MIN_COLUMNS = 2;
    public static final int MAX_COLUMNS = 4;
    /** Yours, and two of the built-in presets: what a first Run all shows. */
    public static final int START_COLUMNS = 3;
    public static final int MIN_SAMPLES = 4;
    public static final int MAX_SAMPLES = 12;
    private static final String LABELS = "ABCD";
    /** How many saved comparisons the Recent menu lists. */
    static final int RECENT = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private sealed interface StreamItem permits TokenItem, EndItem, FailedItem { }
    private record TokenItem(ComparisonColumnViewModel column, long ticket, TokenEvent token) implements StreamItem { }
    private record EndItem(ComparisonColumnViewModel column, long ticket, GenerationResult result) implements StreamItem { }
    private record FailedItem(ComparisonColumnViewModel column, long ticket, Throwable failure) implements StreamItem { }

    // Properties
    private final ObjectProperty<GenerationMode> mode = new SimpleObjectProperty<>(GenerationMode.FROM_KEYWORDS);
    private final StringProperty keywords = new SimpleStringProperty("");
    private final ObservableList<ComparisonColumnViewModel> columns = FXCollections.observableArrayList();
    private final ObservableList<ComparisonColumnViewModel> samples = FXCollections.observableArrayList();
    private final IntegerProperty sampleCount = new SimpleIntegerProperty(6);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Long> savedId = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Comparison> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    private final ModelSession session;
    private final ProsodyViewModel prosody;
    private final UserPresetsStore presetStore;
    private final SamplingViewModel template;
    private final PresetsViewModel templatePresets;
    private final RandomGenerator random;
    private final FxExecutor executor;
    private final Consumer<String> errors;
    private final Consumer<StreamItem> stream;
    private final Library library;
    /** The prompt of the last Run all, as a saved comparison names it. */
    private String runPrompt = "";
    private static final String RUN_FORMAT = PromptFormat.KEYWORDS_TO_HAIKU.id();
    private long tickets;

    /**
     * @param template        the editor's sampling settings and presets: the first column starts as they are, and
     *                        every column with their seed
     */
    public ComparisonViewModel(ModelSession session, ProsodyViewModel prosody, SamplingViewModel template,
                               PresetsViewModel templatePresets, UserPresetsStore presetStore, RandomGenerator random,
                               Optional<Library> library, Consumer<String> errors, FxExecutor executor) {
        this.library = library.orElse(null);
        this.session = session;
        this.prosody = prosody;
        this.template = template;
        this.templatePresets = templatePresets;
        this.presetStore = presetStore;
        this.random = random;
        this.errors = errors;
        this.executor = executor;
        this.stream = executor.batching(this::onBatch, GenerationRun.EDITOR_UPDATE_INTERVAL_MILLIS);
        session.loadedProperty().addListener((obs, old, now) -> {
            if (old != null) {
                stopAll();
            }
        });
        for (int i = 0; i < START_COLUMNS; i++) {
            addColumn();
        }
    }

    /** The shared prompt's kind: new poems from the keywords, or the poem in the editor continued. */
    public ObjectProperty<GenerationMode> modeProperty() {
        return mode;
    }

    public StringProperty keywordsProperty() {
        return keywords;
    }

    public ObservableList<ComparisonColumnViewModel> columns() {
        return columns;
    }

    /** The id of this comparison in the library once saved; null while it is not (a new run makes a new one). */
    public ReadOnlyObjectProperty<Long> savedIdProperty() {
        return savedId.getReadOnlyProperty();
    }

    /** The latest saved comparisons, newest first (see {@link #refreshRecent()}). */
    public ObservableList<Comparison> recent() {
        return recent;
    }

    /** One sentence about the last save or reopen; empty before. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** N samples: one setting (the first column's), as many seeds; empty until written. */
    public ObservableList<ComparisonColumnViewModel> samples() {
        return samples;
    }

    /** How many samples the next {@link #runSamples} writes ({@value #MIN_SAMPLES} to {@value #MAX_SAMPLES}). */
    public IntegerProperty sampleCountProperty() {
        return sampleCount;
    }

    /** Whether any column is writing. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    // Commands

    /**
     * A new column, up to {@link #MAX_COLUMNS}: the first with the editor's settings, the others each with a built-in
     * preset the columns before do not use, all with the editor's seed (so a comparison starts fair: only the
     * settings differ).
     */
    public Optional<ComparisonColumnViewModel> addColumn() {
        if (columns.size() >= MAX_COLUMNS) {
            return Optional.empty();
        }
        SamplingViewModel sampling = new SamplingViewModel(template.getSettings(), random);
        sampling.seedLockedProperty().set(true);
        PresetsViewModel presets = new PresetsViewModel(sampling, presetStore, errors);
        Preset editors = templatePresets.selectedProperty().get();
        if (columns.isEmpty()) {
            presets.restoreSelection(editors == null ? "" : editors.name());
        } else {
            List<Preset> used = columns.stream().map(c -> c.presets().selectedProperty().get()).toList();
            BuiltInPresets.ALL.stream().filter(p -> !used.contains(p)).findFirst()
                    .ifPresent(p -> presets.selectedProperty().set(p));
        }
        String label = String.valueOf(LABELS.charAt(columns.size()));
        ComparisonColumnViewModel column = new ComparisonColumnViewModel(label, sampling, presets, prosody);
        column.runningProperty().addListener(o -> updateRunning());
        columns.add(column);
        return Optional.of(column);
    }

    /** Removes the last column, down to {@link #MIN_COLUMNS} (stopping it first). */
    public void removeColumn() {
        if (columns.size() > MIN_COLUMNS) {
            ComparisonColumnViewModel last = columns.get(columns.size() - 1);
            last.stop();
            columns.remove(last);
        }
    }

    /** Run all: every column writes from the same prompt at once. {@code editorText} is the poem, for Continue. */
    public void runAll(String editorText) {
        run(List.copyOf(columns), editorText);
    }

    /** Re-roll one column: a new seed, and it writes again (the others keep what they wrote). */
    public void reroll(ComparisonColumnViewModel column, String editorText) {
        column.stop();
        column.sampling().rollSeed();
        run(List.of(column), editorText);
    }

    public void stopAll() {
        columns.forEach(ComparisonColumnViewModel::stop);
        samples.forEach(ComparisonColumnViewModel::stop);
    }

    /**
     * N samples: the first column's settings with N seeds in a row (its seed, the next, …), written as one batch, to
     * pick the best of one setting rather than compare settings.
     */
    public void runSamples(String editorText) {
        ComparisonColumnViewModel base = columns.get(0);
        if (base.settings().isEmpty()) {
            errors.accept("Fix the settings of column " + base.label() + " first: " + base.sampling().firstErrorProperty().get());
            return;
        }
        if (running.get()) {
            return;
        }
        int count = Math.max(MIN_SAMPLES, Math.min(MAX_SAMPLES, sampleCount.get()));
        SamplingSettings settings = base.settings().orElseThrow();
        List<ComparisonColumnViewModel> fresh = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SamplingViewModel sampling = new SamplingViewModel(settings.withSeed(settings.seed() + i), random);
            sampling.seedLockedProperty().set(true);
            PresetsViewModel presets = new PresetsViewModel(sampling, presetStore, errors);
            presets.restoreSelection(base.savedLabel());
            ComparisonColumnViewModel sample = new ComparisonColumnViewModel(String.valueOf(i + 1), sampling, presets, prosody);
            sample.keepFormProperty().set(base.keepFormProperty().get());
            sample.runningProperty().addListener(o -> updateRunning());
            fresh.add(sample);
        }
        samples.setAll(fresh);
        run(fresh, editorText);
    }

    /** The record of a column whose text {@code stanza} holds (a stanza kept into the editor from a column). */
    public Optional<GenerationRecord> recordFor(String stanza) {
        return columns.stream().map(c -> c.recordFor(stanza)).flatMap(Optional::stream).findFirst();
    }

    /**
     * Saves the comparison as one library record: the prompt, and each column that has written with its label and
     * full generation record. Completes with its id (at once if it is saved already), or exceptionally when there
     * is nothing to save or no library (said on the banner).
     */
    public CompletableFuture<Long> save() {
        if (savedId.get() != null) {
            return CompletableFuture.completedFuture(savedId.get());
        }
        List<ComparisonColumn> written = columns.stream().filter(c -> c.record().isPresent())
                .map(c -> new ComparisonColumn(c.savedLabel(), c.record().orElseThrow())).toList();
        String problem = library == null ? "The library is not available, so the comparison cannot be saved there."
                : running.get() ? "Wait for the columns to finish (or stop them), then save the comparison."
                : written.isEmpty() ? "Run the columns first: there is nothing to save yet." : null;
        if (problem != null) {
            errors.accept(problem);
            return CompletableFuture.failedFuture(new IllegalStateException(problem));
        }
        ComparisonDraft draft = new ComparisonDraft(runPrompt, RUN_FORMAT, written);
        return executor.supply(() -> library.comparisons().save(draft)).whenComplete((id, failure) -> {
            if (failure != null) {
                errors.accept("The comparison could not be saved: " + UserMessages.describe(failure));
            } else {
                savedId.set(id);
                notice.set("Saved as comparison " + id + ".");
                refreshRecent();
            }
        });
    }

    /** Reads the latest saved comparisons into {@link #recent()} in the background. */
    public void refreshRecent() {
        if (library == null) {
            return;
        }
        executor.supply(() -> library.comparisons().recent(RECENT)).whenComplete((found, failure) -> {
            if (failure == null) {
                recent.setAll(found);
            }
        });
    }

    /** Reopens a saved comparison as it was: its prompt, and each column's settings, seed and text. */
    public void open(Comparison saved) {
        stopAll();
        List<ComparisonColumn> stored = saved.columns().subList(0, Math.min(MAX_COLUMNS, saved.columns().size()));
        while (columns.size() < Math.max(MIN_COLUMNS, stored.size())) {
            addColumn();
        }
        while (columns.size() > Math.max(MIN_COLUMNS, stored.size())) {
            columns.remove(columns.size() - 1);
        }
        // Keywords are one line; a continued poem has its lines.
        boolean fromKeywords = !saved.prompt().contains("\n");
        mode.set(fromKeywords ? GenerationMode.FROM_KEYWORDS : GenerationMode.CONTINUE_TEXT);
        if (fromKeywords) {
            keywords.set(saved.prompt());
        }
        runPrompt = saved.prompt();
        Form form = prosody.formProperty().get();
        int lineBreaks = form == null || form.isFree() ? StreamingDisplay.UNLIMITED : form.lines().size() - 1;
        for (int i = 0; i < stored.size(); i++) {
            columns.get(i).showSaved(stored.get(i), lineBreaks);
        }
        savedId.set(saved.id());
        notice.set("Comparison " + saved.id() + " of " + DATE.format(saved.createdAt()) + ", as it was saved.");
    }

    /** The saved comparison a stanza was kept from (one of its columns wrote it), if this comparison is saved. */
    public Optional<Long> comparisonOf(String stanza) {
        return savedId.get() == null ? Optional.empty()
                : recordFor(stanza).map(record -> savedId.get());
    }

    // Internals

    private void updateRunning() {
        running.set(columns.stream().anyMatch(c -> c.runningProperty().get())
                || samples.stream().anyMatch(c -> c.runningProperty().get()));
    }

    private void run(List<ComparisonColumnViewModel> toRun, String editorText) {
        Optional<String> notReady = session.notReadyReason();
        if (notReady.isPresent()) {
            errors.accept(notReady.get());
            return;
        }
        if (toRun.stream().anyMatch(c -> c.runningProperty().get())) {
            return;
        }
        for (ComparisonColumnViewModel column : toRun) {
            if (column.settings().isEmpty()) {
                errors.accept("Fix the settings of column " + column.label() + " first: "
                        + column.sampling().firstErrorProperty().get());
                return;
            }
        }
        if (mode.get() == GenerationMode.FROM_KEYWORDS && keywords.get().isBlank()) {
            errors.accept("Type a few keywords first, or compare continuations of the poem in the editor.");
            return;
        }
        ModelSession.Loaded model = session.loaded().orElseThrow();
        savedId.set(null);
        notice.set("");
        // Either way the model is asked in its haiku format; the prompt is what the poet gave: keywords, or the poem.
        runPrompt = mode.get() == GenerationMode.FROM_KEYWORDS ? keywords.get().strip() : editorText.strip();
        boolean anyKept = toRun.stream().anyMatch(this::keepsForm);
        if (!anyKept) {
            start(toRun, editorText, model, null);
            return;
        }
        session.keepForm(prosody.prosody().orElseThrow()).whenComplete((constraint, failure) -> {
            if (session.loaded().orElse(null) != model) {
                return;
            }
            if (failure != null) {
                session.forgetKeepForm();
                errors.accept("Keeping to the form failed: " + UserMessages.describe(failure));
                return;
            }
            start(toRun, editorText, model, constraint);
        });
    }

    /** Whether this column keeps to the form on this run: its switch, a form with a pattern, new poems from keywords. */
    boolean keepsForm(ComparisonColumnViewModel column) {
        Form form = prosody.formProperty().get();
        return column.keepFormProperty().get() && mode.get() == GenerationMode.FROM_KEYWORDS && form != null
                && !form.isFree() && prosody.readyProperty().get() && prosody.prosody().isPresent();
    }

    private record Planned(ComparisonColumnViewModel column, GenerationRequest request, CancellationToken cancellation) { }

    private void start(List<ComparisonColumnViewModel> toRun, String editorText, ModelSession.Loaded model,
                       SyllableConstraint constraint) {
        Form form = prosody.formProperty().get();
        int formLines = form == null || form.isFree() ? 0 : form.lines().size();
        CancellationToken batch = new CancellationToken();
        List<Planned> shared = new ArrayList<>();
        List<Planned> alone = new ArrayList<>();
        for (ComparisonColumnViewModel column : toRun) {
            SamplingSettings settings = column.settings().orElseThrow();
            StanzaContinuation stanza;
            int lineBreaks;
            String given;
            GenerationRequest request;
            String keptForm = null;
            if (mode.get() == GenerationMode.FROM_KEYWORDS) {
                stanza = new StanzaContinuation(keywords.get().strip(), List.of(), false);
                request = GenerationRequest.haiku(stanza.keywords(), settings);
                if (constraint != null && keepsForm(column)) {
                    request = constraint.constrain(request, form);
                    keptForm = form.name();
                }
                lineBreaks = formLines > 0 ? formLines - 1 : StreamingDisplay.UNLIMITED;
                given = "";
            } else {
                StanzaContinuation whole = StanzaContinuation.of(editorText, "");
                if (whole.lines().isEmpty() || (formLines > 0 && whole.finishedLines() >= formLines)) {
                    // A finished stanza (or none): each column writes the next one, on the poem's own words.
                    stanza = new StanzaContinuation(whole.keywords(), List.of(), false);
                    request = GenerationRequest.haiku(stanza.keywords(), settings);
                    lineBreaks = formLines > 0 ? formLines - 1 : StreamingDisplay.UNLIMITED;
                    given = "";
                } else {
                    stanza = model.fitToContext(whole, settings);
                    request = stanza.request(settings);
                    lineBreaks = formLines > 0 ? formLines - whole.finishedLines() - 1 : StreamingDisplay.UNLIMITED;
                    given = givenText(stanza);
                }
            }
            long ticket = ++tickets;
            CancellationToken cancellation = batch.child();
            column.begin(ticket, cancellation, request, model, keptForm, given,
                    new StreamingDisplay(PromptFormat.KEYWORDS_TO_HAIKU.closing(), stanza.beginsLine(), lineBreaks));
            Planned planned = new Planned(column, model.guarded(request), cancellation);
            (request.looksAhead() || settings.beams() > 1 ? alone : shared).add(planned);
        }
        if (!shared.isEmpty()) {
            launch(model, shared);
        }
        alone.forEach(planned -> launch(model, List.of(planned)));
    }

    /** The poem's lines a continuation goes on from, as the column shows them above the model's text. */
    private static String givenText(StanzaContinuation stanza) {
        if (stanza.lines().isEmpty()) {
            return "";
        }
        String lines = String.join("\n", stanza.lines());
        return stanza.lineOpen() ? lines : lines + "\n";
    }

    /** One batch on its own yielding thread: one model step writes a token for every column in it. */
    private void launch(ModelSession.Loaded model, List<Planned> batch) {
        Map<Integer, Planned> rows = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            rows.put(i, batch.get(i));
        }
        GenerationListener listener = new GenerationListener() {
            @Override
            public void onToken(int row, TokenEvent event) {
                Planned planned = rows.get(row);
                stream.accept(new TokenItem(planned.column(), planned.column().ticket(), event));
            }

            @Override
            public void onFinished(int row, GenerationResult result) {
                Planned planned = rows.get(row);
                stream.accept(new EndItem(planned.column(), planned.column().ticket(), result));
            }
        };
        List<Long> tickets = batch.stream().map(p -> p.column().ticket()).toList();
        CompletableFuture.runAsync(() -> model.generator().generateBatch(batch.stream().map(Planned::request).toList(),
                        listener, batch.stream().map(Planned::cancellation).toList()), YieldingThreads.executor("kigo-compare"))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        for (int i = 0; i < batch.size(); i++) {
                            stream.accept(new FailedItem(batch.get(i).column(), tickets.get(i), failure));
                        }
                    }
                });
    }

    private void onBatch(List<StreamItem> items) {
        Map<ComparisonColumnViewModel, List<TokenEvent>> tokens = new LinkedHashMap<>();
        String failure = null;
        for (StreamItem item : items) {
            if (item instanceof TokenItem token && token.ticket() == token.column().ticket()) {
                tokens.computeIfAbsent(token.column(), c -> new ArrayList<>()).add(token.token());
            } else if (item instanceof EndItem end && end.ticket() == end.column().ticket()) {
                flush(end.column(), tokens);
                end.column().end(end.result());
            } else if (item instanceof FailedItem failed && failed.ticket() == failed.column().ticket()) {
                flush(failed.column(), tokens);
                failed.column().fail();
                failure = UserMessages.describe(failed.failure());
            }
        }
        tokens.forEach(ComparisonColumnViewModel::tokens);
        if (failure != null) {
            errors.accept("The comparison failed: " + failure);
        }
    }

    private static void flush(ComparisonColumnViewModel column, Map<ComparisonColumnViewModel, List<TokenEvent>> tokens) {
        List<TokenEvent> pending = tokens.remove(column);
        if (pending != null) {
            column.tokens(pending);
        }
    }
}
