package dev.kigo.ui.settings;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.kigo.Fuzzing;
import dev.kigo.ui.presets.JsonPresetStore;
import dev.kigo.ui.presets.UserPresets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as the studio's own JSON files (studio.json, presets.json: a hand edit, a newer Kigo, a disk that cut them
 * short): studio.json loads, or defaults are used and the file is kept aside; presets load or are refused with one
 * sentence naming the file; what loads saves and loads back the same; bounded time. `mvn test` replays the committed
 * inputs (StudioFilesFuzzTestInputs); JAZZER_FUZZ=1 fuzzes (docs/reliability.md).
 */
@Tag("fuzz")
class StudioFilesFuzzTest {
    private static final long MAX_MILLIS = Fuzzing.MAX_MILLIS;
    private static Path folder;

    /** The bound is on reading a file, not on loading Jackson's classes: one round trip comes first. */
    @BeforeAll
    static void makeAFolderAndLoadTheMappersClasses() throws IOException {
        folder = Fuzzing.scratchFolder("studio-files-fuzz");
        StudioStateStore warmUp = new StudioStateStore(folder.resolve("warm-up.json"));
        warmUp.save(StudioState.defaults());
        warmUp.load();
        Files.delete(folder.resolve("warm-up.json"));
    }

    @AfterAll
    static void removeTheFolder() throws IOException {
        Fuzzing.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void anyStudioFileLoadsOrFallsBackAndWhatLoadsSavesBackTheSame(byte @NotNull [] bytes) throws IOException {
        Path state = folder.resolve("studio.json");
        Path presets = folder.resolve("presets.json");
        Files.write(state, bytes);
        Files.write(presets, bytes);
        long start = System.nanoTime();

        StudioStateStore stateStore = new StudioStateStore(state);
        StudioStateStore.Loaded loaded = stateStore.load();
        assertNotNull(loaded.state());
        assertTrue(loaded.unreadable().isEmpty(), () -> "a readable file is never unreadable: " + loaded.unreadable());
        assertEquals(loaded.problem().isPresent(), Files.notExists(state), "a file that could not be read is kept aside");
        stateStore.save(loaded.state());
        assertEquals(loaded.state(), stateStore.load().state(), "the state saves and loads back the same");

        JsonPresetStore presetStore = new JsonPresetStore(presets);
        try {
            UserPresets read = presetStore.load();
            presetStore.save(read);
            assertEquals(read, presetStore.load(), "presets save and load back the same");
        } catch (IOException refused) {
            Fuzzing.assertOneSentenceNaming(presets.toString(), refused);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "reading " + bytes.length + " bytes took " + millis + " ms");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
