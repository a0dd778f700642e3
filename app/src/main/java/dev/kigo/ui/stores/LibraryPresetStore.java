package dev.kigo.ui.stores;

import dev.kigo.library.Library;
import dev.kigo.library.LibraryException;
import dev.kigo.ui.presets.Preset;
import dev.kigo.ui.presets.UserPresetsStore;
import dev.kigo.ui.presets.UserPresets;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The poet's presets kept in the library (SQLite), so the CLI and the studio share them. */
public final class LibraryPresetStore implements UserPresetsStore {

    private final Library library;

    public LibraryPresetStore(Library library) {
        this.library = library;
    }

    @Override
    public UserPresets load() throws IOException {
        try {
            List<dev.kigo.library.SavedPreset> stored = library.presets().all();
            String defaultName = stored.stream().filter(dev.kigo.library.SavedPreset::isDefault)
                    .map(dev.kigo.library.SavedPreset::name).findFirst().orElse("");
            return new UserPresets(stored.stream().map(p -> new Preset(p.name(), p.settings())).toList(), defaultName);
        } catch (LibraryException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void save(UserPresets presets) throws IOException {
        try {
            Set<String> kept = presets.presets().stream().map(p -> p.name().toLowerCase()).collect(Collectors.toSet());
            for (dev.kigo.library.SavedPreset stored : library.presets().all()) {
                if (!kept.contains(stored.name().toLowerCase())) {
                    library.presets().delete(stored.name());
                }
            }
            for (Preset preset : presets.presets()) {
                library.presets().save(preset.name(), preset.settings());
            }
            boolean defaultIsStored = presets.presets().stream().anyMatch(p -> p.name().equalsIgnoreCase(presets.defaultName()));
            if (defaultIsStored) {
                library.presets().setDefault(presets.defaultName());
            } else {
                library.presets().clearDefault();
            }
        } catch (LibraryException | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
