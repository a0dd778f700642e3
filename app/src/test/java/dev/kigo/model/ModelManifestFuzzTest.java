package dev.kigo.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.kigo.Fuzzing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as model.json beside a real graph and tokenizer (the fixture bundle): the model loads, or is refused with
 * a {@link ModelLoadException} whose one sentence names a file of the bundle; no other exception escapes, nothing
 * stays open, and a load takes bounded time. `mvn test` replays the committed inputs (ModelManifestFuzzTestInputs);
 * JAZZER_FUZZ=1 fuzzes (docs/reliability.md).
 */
@Tag("fuzz")
class ModelManifestFuzzTest {
    /** Opening the fixture's session takes tens of milliseconds; a busy machine and Jazzer's hooks, a good deal more. */
    private static final long MAX_MILLIS = 10_000;
    private static Path folder;
    private static Path bundle;

    @BeforeAll
    static void copyTheFixtureBundle() throws IOException {
        folder = Fuzzing.scratchFolder("model-json-fuzz");
        bundle = Fixtures.copy("optimum", folder.resolve("bundle"));
    }

    @AfterAll
    static void removeTheCopy() throws IOException {
        Fuzzing.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void anyModelJsonLoadsOrIsRefusedInOneSentenceNamingTheBundle(byte @NotNull [] manifest) throws IOException {
        Files.write(bundle.resolve(LanguageModel.MANIFEST_FILE), manifest);
        long start = System.nanoTime();
        try (LanguageModel model = LanguageModel.load(bundle)) {
            assertTrue(model.info().contextLength() > 0 && model.info().vocabSize() > 0, model.info()::toString);
        } catch (ModelLoadException refused) {
            Fuzzing.assertOneSentenceNaming(bundle.toString(), refused);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "loading with " + manifest.length + " bytes of model.json took " + millis + " ms");
    }
}
