package dev.kigo.ui.presets;

import java.io.IOException;

/**
 * Where user presets live. A JSON file in the config directory for now; the library (SQLite) can take over
 * by implementing this interface.
 */
public interface PresetStore {

    UserPresets load() throws IOException;

    void save(UserPresets presets) throws IOException;
}
