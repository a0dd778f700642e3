package dev.kigo.prosody;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.kigo.Fuzzing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as a poet's user dictionary file: it loads, or is refused in one sentence that names the file; what loads
 * saves and loads back as the same entries; and reading takes bounded time. `mvn test` replays the committed inputs
 * (UserDictionaryFuzzTestInputs); JAZZER_FUZZ=1 fuzzes (docs/reliability.md).
 */
@Tag("fuzz")
class UserDictionaryFuzzTest {
    private static final long MAX_MILLIS = Fuzzing.MAX_MILLIS;
    private static Path folder;

    @BeforeAll
    static void makeAFolder() throws IOException {
        folder = Fuzzing.scratchFolder("user-dictionary-fuzz");
    }

    @AfterAll
    static void removeTheFolder() throws IOException {
        Fuzzing.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void anyFileLoadsOrIsRefusedInOneSentenceAndWhatLoadsSavesBackTheSame(byte @NotNull [] bytes) throws IOException {
        Path file = folder.resolve("user.dict");
        Files.write(file, bytes);
        long start = System.nanoTime();
        UserDictionary loaded;
        try {
            loaded = UserDictionary.load(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            Fuzzing.assertOneSentenceNaming(file.toString(), e);
            return;
        }
        Path copy = folder.resolve("saved.dict");
        loaded.save(copy);
        assertEquals(loaded.entries(), UserDictionary.load(copy).entries(), "saved entries load back the same");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "reading " + bytes.length + " bytes took " + millis + " ms");
    }
}
