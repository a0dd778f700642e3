package dev.kigo.ui.viewmodel;

import dev.kigo.generate.CopyGuard;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.library.GenerationRecord;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.StanzaContinuation;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.model.Device;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelInfo;
import dev.kigo.model.ModelLoadException;
import dev.kigo.model.TrainingLines;
import dev.kigo.prosody.Prosody;
import dev.kigo.ui.concurrent.FxExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The loaded model: one per studio, shared by every generation run (the editor's, each column of a comparison).
 * It loads a model folder in the background, says what is loaded and on which device, and keeps what belongs to
 * the model rather than to a run: its hash, its training lines (the originality guard) and its form keeper.
 */
public final class ModelSession {

    /**
     * ONNX Runtime gets one core fewer than the machine has (at least one), so the window keeps a core while the
     * model streams: on 2 cores its layout passes otherwise wait behind the model's threads and frames stall past
     * 50 ms. The model writes somewhat slower for it (docs/benchmarks.md, "Studio: frames while the model streams");
     * commands use every core.
     */
    private static final int MODEL_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    /** What a run needs of the loaded model; replaced whole when another folder loads. */
    public record Loaded(LanguageModel model, Generator generator, String hash, Path folder, TrainingLines learned) {

        public ModelInfo info() {
            return model.info();
        }

        /**
         * What the library stores of a run on this model, everything Reproduce needs; {@code keptForm} is the form
         * the run was held to, null for a free run.
         */
        public GenerationRecord record(GenerationRequest request, GenerationResult result, String keptForm) {
            ModelInfo info = info();
            return new GenerationRecord(info.name(), hash, result.prompt(), request.format().id(), request.settings(),
                    info.device().name(), result.rawText(), result.tokenIds(), result.finishReason(), result.promptTokens(),
                    result.generatedTokens(), result.promptMillis(), result.generationMillis(), result.meanLogProb(),
                    result.note(), keptForm);
        }

        /**
         * The stanza's last lines, as many as leave the model room for {@code maxTokens}: older lines are dropped first
         * (a long stanza is continued from its last lines, not refused).
         */
        public StanzaContinuation fitToContext(StanzaContinuation stanza, SamplingSettings settings) {
            int budget = Math.max(1, model.info().contextLength() - settings.maxTokens() - 1);
            if (stanza.lines().isEmpty() || fits(stanza, settings, budget)) {
                return stanza;
            }
            // Fewer lines never make more tokens, so a binary search finds the most that fit with a few encodings (this
            // runs on the FX thread: dropping one line per encoding froze it on long pages).
            int low = 1;
            int high = stanza.lines().size() - 1;
            int most = 0;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (fits(stanza.lastLines(middle), settings, budget)) {
                    most = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            StanzaContinuation fitted = stanza.lastLines(Math.max(1, most));
            while (most == 0 && !fitted.lines().get(0).isEmpty() && !fits(fitted, settings, budget)) {
                String line = fitted.lines().get(0);
                // A single over-long line loses its first half; a last character that still does not fit goes too
                // (half of one character is itself), and the generator then says the prompt is too long.
                String half = line.length() <= 1 ? "" : line.substring(line.length() / 2).strip();
                fitted = new StanzaContinuation(fitted.keywords(), List.of(half), fitted.lineOpen());
            }
            return fitted;
        }

        private boolean fits(StanzaContinuation stanza, SamplingSettings settings, int budget) {
            return model.tokenizer().encode(stanza.request(settings).promptText()).length <= budget;
        }

        /** The request under the originality guard when the model has training lines, as on the command line. */
        public GenerationRequest guarded(GenerationRequest request) {
            return learned == null ? request : CopyGuard.guard(request, learned);
        }

        /** The originality guard's lines: {@link TrainingLines#NONE} when the folder has none. */
        public TrainingLines learnedOrNone() {
            return learned == null ? TrainingLines.NONE : learned;
        }
    }

    // Properties
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No model loaded.");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingLines> learnedLines = new ReadOnlyObjectWrapper<>(TrainingLines.NONE);

    private final FxExecutor executor;
    private final Consumer<String> errors;
    /** Counts loads, so a load overtaken by a newer one can tell (and close its model). */
    private long loadTicket;
    /** The form keeper of the loaded model, its tables built in the background; null until first wanted. */
    private CompletableFuture<SyllableConstraint> keepForm;

    public ModelSession(FxExecutor executor, Consumer<String> errors) {
        this.executor = executor;
        this.errors = errors;
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** One line for the status bar: what is loaded (and how fast), or why nothing is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** -1 while loading (indeterminate), 0 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The loaded model; null while none is. */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The loaded model's training lines, for the gutter's "learned line" mark; {@link TrainingLines#NONE} without. */
    public ReadOnlyObjectProperty<TrainingLines> learnedLinesProperty() {
        return learnedLines.getReadOnlyProperty();
    }

    public Optional<Loaded> loaded() {
        return Optional.ofNullable(loaded.get());
    }

    /** Why no run can start now (a sentence for the banner), or empty when a model is loaded. */
    public Optional<String> notReadyReason() {
        if (loaded.get() != null) {
            return Optional.empty();
        }
        return Optional.of(loading.get() ? "The model is still loading." : "No model is loaded: use File › Open model folder….");
    }

    // Commands

    /**
     * Loads a model folder in the background. A missing default folder is said in the status bar only; any
     * other failure also goes to the error banner. The editor keeps working either way.
     */
    public void load(Path dir, Device wanted, boolean quietIfMissing) {
        load(dir, wanted, quietIfMissing, () -> { }, () -> { });
    }

    /**
     * As {@link #load(Path, Device, boolean)}, then {@code onLoaded} or {@code onFailed} on the FX thread. A load
     * that a newer one overtook is closed and reported to neither: the last folder asked for wins. Runs on the
     * model being replaced are the caller's to stop first.
     */
    public void load(Path dir, Device wanted, boolean quietIfMissing, Runnable onLoaded, Runnable onFailed) {
        long ticket = ++loadTicket;
        if (quietIfMissing && !Files.isDirectory(dir)) {
            status.set("No model at " + dir + ". Use File › Open model folder… to choose one.");
            onFailed.run();
            return;
        }
        loading.set(true);
        ready.set(false);
        progress.set(-1);
        status.set("Loading model from " + dir.getFileName() + "…");
        Loaded previous = loaded.get();
        loaded.set(null);
        learnedLines.set(TrainingLines.NONE);
        keepForm = null;
        executor.supply(() -> {
            if (previous != null) {
                previous.model().close();
            }
            LanguageModel opened = LanguageModel.load(dir, wanted, MODEL_THREADS);
            TrainingLines learned = null;
            String learnedProblem = null;
            try {
                learned = TrainingLines.load(dir).orElse(null);
            } catch (ModelLoadException e) {
                learnedProblem = e.getMessage();
            }
            return new Opened(new Loaded(opened, new Generator(opened), opened.info().graphSha256(), dir, learned), learnedProblem);
        }).whenComplete((opened, failure) -> {
            if (ticket != loadTicket) {
                if (opened != null) {
                    executor.supply(() -> {
                        opened.loaded().model().close();
                        return null;
                    });
                }
                return;
            }
            loading.set(false);
            progress.set(0);
            if (failure != null) {
                status.set("No model loaded.");
                device.set("");
                errors.accept("The model could not be loaded: " + UserMessages.describe(failure));
                onFailed.run();
                return;
            }
            Loaded now = opened.loaded();
            learnedLines.set(now.learnedOrNone());
            if (opened.learnedProblem() != null) {
                errors.accept(opened.learnedProblem() + " The originality guard is off for this model.");
            }
            ModelInfo info = now.info();
            status.set("Model: " + info.name() + " (" + info.layers() + " layers, " + info.width() + " wide), loaded in "
                    + now.model().loadMillis() + " ms");
            device.set("Device: " + info.device().name()
                    + (info.device() == Device.CPU ? " (" + info.cpuThreads() + (info.cpuThreads() == 1 ? " thread)" : " threads)") : "")
                    + (info.deviceNote().isEmpty() ? "" : " — " + info.deviceNote()));
            loaded.set(now);
            ready.set(true);
            onLoaded.run();
        });
    }

    private record Opened(Loaded loaded, String learnedProblem) { }

    /**
     * The loaded model's form keeper, built (once per model) and prepared in the background. Callers check that a
     * model and the syllable dictionary are loaded.
     */
    public CompletableFuture<SyllableConstraint> keepForm(Prosody prosody) {
        if (keepForm == null) {
            LanguageModel forModel = loaded.get().model();
            keepForm = executor.supply(() -> {
                SyllableConstraint constraint = SyllableConstraint.create(forModel, prosody);
                constraint.prepare(PromptFormat.KEYWORDS_TO_HAIKU);
                return constraint;
            });
        }
        return keepForm;
    }

    /** Forgets a form keeper that failed to build, so the next run tries again. */
    public void forgetKeepForm() {
        keepForm = null;
    }

    /** Closes the model (window closing). */
    public void close() {
        Loaded current = loaded.get();
        loaded.set(null);
        ready.set(false);
        if (current != null) {
            current.model().close();
        }
    }
}
