package dev.kigo.ui.viewmodel;

import dev.kigo.library.Library;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.stores.FileUserWordStore;
import dev.kigo.ui.stores.LibraryPresetStore;
import dev.kigo.ui.stores.LibraryUserWordStore;
import dev.kigo.ui.stores.UserWordStore;
import dev.kigo.ui.presets.UserPresetsStore;
import dev.kigo.ui.presets.JsonPresetStore;
import dev.kigo.ui.settings.DraftStore;
import dev.kigo.ui.settings.FormChoice;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.StudioPaths;
import dev.kigo.ui.settings.StudioState;
import dev.kigo.ui.settings.StudioStateStore;
import dev.kigo.ui.settings.Theme;
import dev.kigo.ui.settings.WindowBounds;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The studio window's state apart from the editor's text: look, form, generation inputs, sampling and
 * presets, the error banner and the status bar. Knows nothing of controls, so it is tested without a window.
 */
public final class StudioViewModel {

    // Properties
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final DoubleProperty fontSize = new SimpleDoubleProperty();
    private final ObjectProperty<FormChoice> form = new SimpleObjectProperty<>();
    private final StringProperty customPattern = new SimpleStringProperty();
    private final ObjectProperty<GenerationMode> mode = new SimpleObjectProperty<>();
    private final StringProperty keywords = new SimpleStringProperty();
    private final StringProperty modelDir = new SimpleStringProperty("");
    private final BooleanProperty keepForm = new SimpleBooleanProperty();
    private final BooleanProperty sidePanelFolded = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper restoredDraft = new ReadOnlyStringWrapper("");

    private final StudioPaths paths;
    private final StudioStateStore stateStore;
    private final SamplingViewModel sampling;
    private final PresetsViewModel presets;
    private final DraftAutosave draftAutosave;
    private final ProsodyViewModel prosody;
    private final Library library;
    private final StudioState initialState;
    private final UserPresetsStore presetStore;

    public StudioViewModel(StudioPaths paths, FxExecutor executor, RandomGenerator random) {
        this.paths = paths;
        this.stateStore = new StudioStateStore(paths.stateFile());
        StudioStateStore.Loaded loaded = stateStore.load();
        loaded.problem().ifPresent(this::showError);
        loaded.unreadable().ifPresent(e -> showError("Your saved settings could not be read (" + UserMessages.describe(e)
                + ") Defaults are used."));
        initialState = loaded.state();
        boolean freshStart = !Files.exists(paths.stateFile());

        theme.set(initialState.theme());
        fontSize.set(initialState.fontSize());
        form.set(initialState.form());
        customPattern.set(initialState.customPattern());
        mode.set(initialState.mode());
        keywords.set(initialState.keywords());
        modelDir.set(initialState.modelDir());
        keepForm.set(initialState.keepForm());

        library = openLibrary(paths);
        sampling = new SamplingViewModel(initialState.sampling(), random);
        sampling.seedLockedProperty().set(initialState.seedLocked());
        sidePanelFolded.set(initialState.sidePanelFolded());
        presetStore = library != null ? new LibraryPresetStore(library) : new JsonPresetStore(paths.presetsFile());
        presets = new PresetsViewModel(sampling, presetStore, this::showError);
        if (freshStart) {
            presets.selectedProperty().set(presets.startupPreset());
        } else {
            presets.restoreSelection(initialState.presetName());
        }

        UserWordStore userWords = library != null ? new LibraryUserWordStore(library) : new FileUserWordStore(paths.userDictionaryFile());
        prosody = new ProsodyViewModel(form, customPattern, executor, userWords, this::showError);

        DraftStore draftStore = new DraftStore(paths.draftFile());
        String draft = "";
        try {
            draft = draftStore.load().orElse("");
        } catch (IOException e) {
            // Never let the next autosave write over it: the poet may still get the text back from the file.
            java.nio.file.Path aside = draftStore.setAside();
            showError("Your last draft could not be read as text, so the editor starts empty. The file is kept as "
                    + aside + ".");
        }
        restoredDraft.set(draft);
        draftAutosave = new DraftAutosave(draftStore, executor, this::showError, draft);
    }

    /**
     * Opens the library (a quick SQLite open). If it cannot be opened the studio still works: presets and user
     * words fall back to files in the config folder, and the banner says why.
     */
    private Library openLibrary(StudioPaths paths) {
        try {
            Library opened = Library.open(paths.libraryFile());
            opened.setAside().ifPresent(aside -> showError(aside.message()));
            return opened;
        } catch (RuntimeException e) {
            showError("The library could not be opened, so saving to it is off: " + UserMessages.describe(e));
            return null;
        }
    }

    /** The library, or empty if it could not be opened. */
    public Optional<Library> library() {
        return Optional.ofNullable(library);
    }

    /** Closes the library (window closing). */
    public void close() {
        if (library != null) {
            library.close();
        }
    }

    public StudioPaths paths() {
        return paths;
    }

    public SamplingViewModel sampling() {
        return sampling;
    }

    /** Where presets are kept (the library, or a file beside the settings without one). */
    public UserPresetsStore presetStore() {
        return presetStore;
    }

    public PresetsViewModel presets() {
        return presets;
    }

    public ProsodyViewModel prosody() {
        return prosody;
    }

    public DraftAutosave draftAutosave() {
        return draftAutosave;
    }

    public WindowBounds initialWindowBounds() {
        return initialState.window();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    public ObjectProperty<FormChoice> formProperty() {
        return form;
    }

    public StringProperty customPatternProperty() {
        return customPattern;
    }

    public ObjectProperty<GenerationMode> modeProperty() {
        return mode;
    }

    public StringProperty keywordsProperty() {
        return keywords;
    }

    /** The model folder the poet opened last; empty means the shipped default. */
    /** "Keep to the form": generations from keywords are constrained to the form's syllable pattern. */
    public BooleanProperty keepFormProperty() {
        return keepForm;
    }

    /** Whether the side panel (generation and library) is folded away; remembered across restarts. */
    public BooleanProperty sidePanelFoldedProperty() {
        return sidePanelFolded;
    }

    /** The generation panel's inputs, for the editor's run. */
    public GenerationInputs generationInputs() {
        return new GenerationInputs(mode, keywords, keepForm);
    }

    public StringProperty modelDirProperty() {
        return modelDir;
    }

    /** The folder to load on start: the one opened last, else the shipped default. */
    public java.nio.file.Path startupModelDir() {
        return modelDir.get().isBlank() ? paths.defaultModelDir() : java.nio.file.Path.of(modelDir.get());
    }

    /** Empty when no error is shown; otherwise one readable sentence. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The text autosaved by the last run (empty on a first run), for the editor to start with. */
    public String restoredDraft() {
        return restoredDraft.get();
    }

    // Commands

    public void showError(String sentence) {
        errorMessage.set(sentence == null ? "" : sentence);
    }

    public void showError(Throwable failure) {
        showError(UserMessages.describe(failure));
    }

    public void dismissError() {
        errorMessage.set("");
    }

    public void increaseFontSize() {
        fontSize.set(StudioState.clampFontSize(fontSize.get() + 2));
    }

    public void decreaseFontSize() {
        fontSize.set(StudioState.clampFontSize(fontSize.get() - 2));
    }

    public void resetFontSize() {
        fontSize.set(StudioState.DEFAULT_FONT_SIZE);
    }

    /** The state to remember: this view model's values plus the window the view reports. */
    public StudioState snapshot(WindowBounds window) {
        String presetName = presets.selectedProperty().get() == null ? "" : presets.selectedProperty().get().name();
        return new StudioState(window, theme.get(), fontSize.get(), sampling.getSettings(), presetName, form.get(),
                customPattern.get(), mode.get(), keywords.get(), modelDir.get(), keepForm.get(),
                sampling.seedLockedProperty().get(), sidePanelFolded.get());
    }

    /** Writes settings and draft now (window closing). Problems go to the error banner. */
    public void saveNow(WindowBounds window, String editorText) {
        try {
            stateStore.save(snapshot(window));
        } catch (IOException e) {
            showError("Your settings could not be saved: " + UserMessages.describe(e));
        }
        draftAutosave.flush(editorText);
    }
}
