package dev.kigo.ui.settings;

import dev.kigo.generate.SamplingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudioStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void stateRoundTripsEveryField() throws IOException {
        StudioState state = new StudioState(new WindowBounds(10, 20, 900, 600, true), Theme.DARK, 22,
                new SamplingSettings(1.1, 7, 0.9, 0.05, 1.2, 3, 2, 99, 1234L, List.of("\n\n")), "Mine",
                FormChoice.CUSTOM, "3-5-3", GenerationMode.CONTINUE_TEXT, "moon, frog", "/models/x", true);
        StudioStateStore store = new StudioStateStore(dir.resolve("studio.json"));
        store.save(state);
        StudioStateStore.Loaded loaded = store.load();
        assertEquals(state, loaded.state());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void missingFileGivesDefaultsWithoutComplaint() {
        StudioStateStore.Loaded loaded = new StudioStateStore(dir.resolve("none.json")).load();
        assertEquals(StudioState.defaults(), loaded.state());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void damagedFileIsSetAsideAndDefaultsAreUsed() throws IOException {
        Path file = dir.resolve("studio.json");
        Files.writeString(file, "{ \"theme\": \"DARK\", \"fontSi");
        StudioStateStore.Loaded loaded = new StudioStateStore(file).load();
        assertEquals(StudioState.defaults(), loaded.state());
        assertTrue(loaded.problem().orElseThrow().contains("studio.json.broken-"), loaded.problem().orElseThrow());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("studio.json.broken-")));
        }
    }

    @Test
    void invalidSamplingValuesInTheFileAreReportedNotThrown() throws IOException {
        Path file = dir.resolve("studio.json");
        Files.writeString(file, "{\"sampling\": {\"temperature\": -3, \"topK\": 0, \"topP\": 1, \"minP\": 0,"
                + " \"repetitionPenalty\": 1, \"noRepeatNgramSize\": 0, \"beams\": 1, \"maxTokens\": 10, \"seed\": 1}}");
        StudioStateStore.Loaded loaded = new StudioStateStore(file).load();
        assertEquals(StudioState.defaults(), loaded.state());
        assertTrue(loaded.problem().isPresent());
    }

    @Test
    void fontSizeIsKeptWithinReadableBounds() {
        assertEquals(StudioState.MAX_FONT_SIZE, StudioState.clampFontSize(500));
        assertEquals(StudioState.MIN_FONT_SIZE, StudioState.clampFontSize(2));
        assertEquals(StudioState.DEFAULT_FONT_SIZE, StudioState.clampFontSize(Double.NaN));
    }
}
