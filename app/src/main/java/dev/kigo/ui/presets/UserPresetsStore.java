package dev.kigo.ui.presets;

import java.io.IOException;

/**
 * Where the poet's presets live: the library file when it opens ({@code ui.stores.LibraryPresetStore}), else a JSON
 * file in the config folder ({@link JsonPresetStore}).
 */
public interface UserPresetsStore {

    UserPresets load() throws IOException;

    void save(UserPresets presets) throws IOException;
}
