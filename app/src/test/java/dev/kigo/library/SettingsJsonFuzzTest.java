package dev.kigo.library;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.kigo.Fuzzing;
import dev.kigo.generate.SamplingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text as the settings and token-id JSON of a stored generation (a library file edited by hand, or damaged):
 * it reads, or is refused with a {@link LibraryException} (which the poet sees as one sentence about that piece),
 * never another exception; settings that read write back and read as the same; bounded time. `mvn test` replays the
 * committed inputs (SettingsJsonFuzzTestInputs); JAZZER_FUZZ=1 fuzzes (docs/reliability.md).
 */
@Tag("fuzz")
class SettingsJsonFuzzTest {
    private static final long MAX_MILLIS = Fuzzing.MAX_MILLIS;

    /** The bound is on reading, not on loading and instrumenting Jackson: one round trip comes first. */
    @BeforeAll
    static void loadTheMapper() {
        SettingsJson.readSettings(SettingsJson.write(SamplingSettings.defaults()));
        SettingsJson.readTokenIds(SettingsJson.write(List.of(1, 2)));
    }

    @FuzzTest(maxDuration = "60s")
    void anyStoredJsonReadsOrIsRefusedAsALibraryError(@NotNull String json) {
        long start = System.nanoTime();
        try {
            SamplingSettings settings = SettingsJson.readSettings(json);
            assertEquals(settings, SettingsJson.readSettings(SettingsJson.write(settings)), "settings read back the same");
        } catch (LibraryException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), refused::toString);
        }
        try {
            List<Integer> ids = SettingsJson.readTokenIds(json);
            assertEquals(ids, SettingsJson.readTokenIds(SettingsJson.write(ids)), "token ids read back the same");
        } catch (LibraryException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), refused::toString);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "reading " + json.length() + " characters took " + millis + " ms");
    }
}
