package dev.kigo.ui.presets;

import dev.kigo.ui.settings.AtomicFiles;
import dev.kigo.ui.settings.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** User presets as one JSON file, written atomically. */
public final class JsonPresetStore implements UserPresetsStore {

    private final Path file;

    public JsonPresetStore(Path file) {
        this.file = file;
    }

    @Override
    public UserPresets load() throws IOException {
        if (!Files.exists(file)) {
            return UserPresets.empty();
        }
        try {
            UserPresets loaded = Json.MAPPER.readValue(file.toFile(), UserPresets.class);
            return loaded == null ? UserPresets.empty() : loaded;
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("The presets file " + file + " could not be read: " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void save(UserPresets presets) throws IOException {
        AtomicFiles.writeString(file, Json.MAPPER.writeValueAsString(presets));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
