package dev.kigo.ui.viewmodel;

import dev.kigo.generate.SamplingSettings;
import dev.kigo.ui.presets.BuiltInPresets;
import dev.kigo.ui.presets.Preset;
import dev.kigo.ui.presets.UserPresetsStore;
import dev.kigo.ui.presets.UserPresets;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Named presets: the built-in three plus the poet's own. Choosing one fills the sampling panel (keeping the
 * seed); {@link #modifiedProperty} tells when the panel no longer matches the chosen preset.
 */
public final class PresetsViewModel {

    // Properties
    private final ObservableList<Preset> presets = FXCollections.observableArrayList();
    private final ObservableList<Preset> presetsView = FXCollections.unmodifiableObservableList(presets);
    private final ObjectProperty<Preset> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper selectedIsUserPreset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper defaultName = new ReadOnlyStringWrapper("");

    private final SamplingViewModel sampling;
    private final UserPresetsStore store;
    private final Consumer<String> reportProblem;
    private List<Preset> userPresets = List.of();
    private boolean restoring;
    /** The stored presets could not be read: saving the (empty) list now would delete them. */
    private boolean storeUnreadable;

    public PresetsViewModel(SamplingViewModel sampling, UserPresetsStore store, Consumer<String> reportProblem) {
        this.sampling = sampling;
        this.store = store;
        this.reportProblem = reportProblem;
        try {
            UserPresets loaded = store.load();
            userPresets = loaded.presets().stream().filter(p -> !BuiltInPresets.isBuiltIn(p.name())).toList();
            defaultName.set(loaded.defaultName());
        } catch (IOException e) {
            storeUnreadable = true;
            reportProblem.accept(e.getMessage() + " Only the built-in presets are available.");
        }
        refreshList();
        selected.addListener((obs, old, preset) -> {
            selectedIsUserPreset.set(preset != null && !BuiltInPresets.isBuiltIn(preset.name()));
            if (preset != null && !restoring) {
                sampling.applyKeepingSeed(preset.settings());
            }
            updateModified();
        });
        sampling.settingsProperty().addListener((obs, old, now) -> updateModified());
    }

    public ObservableList<Preset> presets() {
        return presetsView;
    }

    /** The chosen preset; setting it fills the sampling panel. */
    public ObjectProperty<Preset> selectedProperty() {
        return selected;
    }

    /** True when the sampling panel was edited after choosing the preset (the seed does not count). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectedIsUserPresetProperty() {
        return selectedIsUserPreset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty defaultNameProperty() {
        return defaultName.getReadOnlyProperty();
    }

    public Optional<Preset> find(String name) {
        return presets.stream().filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    /** The preset a fresh start uses: the poet's default if it still exists, else Balanced. */
    public Preset startupPreset() {
        return find(defaultName.get()).orElse(BuiltInPresets.BALANCED);
    }

    // Commands

    /** Fills the panel with the chosen preset again, dropping the poet's edits (the seed stays). */
    public void reapplySelected() {
        Preset preset = selected.get();
        if (preset != null) {
            sampling.applyKeepingSeed(preset.settings());
        }
    }

    /** Marks {@code name} as chosen without touching the panel (restoring a session whose settings were edited). */
    public void restoreSelection(String name) {
        restoring = true;
        try {
            selected.set(find(name).orElse(null));
        } finally {
            restoring = false;
        }
        updateModified();
    }

    /**
     * Saves the panel's current settings under {@code name}, replacing a user preset of that name.
     *
     * @return a sentence saying why it was not saved, or empty when it was
     */
    public Optional<String> saveCurrentAs(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("A preset needs a name.");
        }
        if (BuiltInPresets.isBuiltIn(trimmed)) {
            return Optional.of("\"" + trimmed + "\" is a built-in preset; choose another name.");
        }
        if (!sampling.isValid()) {
            return Optional.of("Fix the sampling settings first: " + sampling.firstErrorProperty().get());
        }
        Preset preset = new Preset(trimmed, sampling.getSettings());
        List<Preset> updated = new ArrayList<>(userPresets);
        updated.removeIf(p -> p.name().equalsIgnoreCase(trimmed));
        updated.add(preset);
        if (!persist(updated, defaultName.get())) {
            return Optional.of("The preset could not be saved.");
        }
        refreshList();
        restoreSelection(trimmed);
        return Optional.empty();
    }

    /** Deletes the chosen user preset; built-in presets cannot be deleted. */
    public void deleteSelected() {
        Preset preset = selected.get();
        if (preset == null || BuiltInPresets.isBuiltIn(preset.name())) {
            return;
        }
        List<Preset> updated = new ArrayList<>(userPresets);
        updated.removeIf(p -> p.name().equalsIgnoreCase(preset.name()));
        String newDefault = defaultName.get().equalsIgnoreCase(preset.name()) ? "" : defaultName.get();
        if (persist(updated, newDefault)) {
            refreshList();
            restoreSelection(null);
        }
    }

    /** Makes the chosen user preset the default (built-in presets cannot be: Balanced is the fallback). */
    public void makeSelectedDefault() {
        Preset preset = selected.get();
        if (preset != null && !BuiltInPresets.isBuiltIn(preset.name())) {
            persist(userPresets, preset.name());
        }
    }

    private boolean persist(List<Preset> newUserPresets, String newDefault) {
        if (storeUnreadable) {
            reportProblem.accept("Presets are not saved in this session: the stored ones could not be read, and saving"
                    + " now would replace them. Restart Kigo once the library is readable again.");
            return false;
        }
        try {
            store.save(new UserPresets(newUserPresets, newDefault));
        } catch (IOException e) {
            reportProblem.accept("Presets could not be saved: " + UserMessages.describe(e));
            return false;
        }
        userPresets = List.copyOf(newUserPresets);
        defaultName.set(newDefault);
        return true;
    }

    private void refreshList() {
        Preset keep = selected.get();
        restoring = true;
        try {
            List<Preset> all = new ArrayList<>(BuiltInPresets.ALL);
            all.addAll(userPresets);
            presets.setAll(all);
            selected.set(keep == null ? null : find(keep.name()).orElse(null));
        } finally {
            restoring = false;
        }
    }

    private void updateModified() {
        Preset preset = selected.get();
        SamplingSettings current = sampling.getSettings();
        modified.set(preset == null || !sameIgnoringSeed(preset.settings(), current) || !sampling.isValid());
    }

    private static boolean sameIgnoringSeed(SamplingSettings a, SamplingSettings b) {
        return a.withSeed(0).equals(b.withSeed(0));
    }
}
