package dev.kigo.ui.presets;

import dev.kigo.generate.SamplingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonPresetStoreTest {

    @TempDir
    Path dir;

    @Test
    void userPresetsAndDefaultRoundTrip() throws IOException {
        JsonPresetStore store = new JsonPresetStore(dir.resolve("presets.json"));
        UserPresets presets = new UserPresets(List.of(new Preset("Dusk", SamplingSettings.defaults().withTemperature(0.65))), "Dusk");
        store.save(presets);
        assertEquals(presets, store.load());
    }

    @Test
    void missingFileMeansNoUserPresets() throws IOException {
        assertEquals(UserPresets.empty(), new JsonPresetStore(dir.resolve("presets.json")).load());
    }

    @Test
    void unreadableFileNamesTheFile() throws IOException {
        Path file = dir.resolve("presets.json");
        Files.writeString(file, "[not json");
        IOException e = assertThrows(IOException.class, () -> new JsonPresetStore(file).load());
        assertTrue(e.getMessage().contains("presets.json"), e.getMessage());
    }
}
