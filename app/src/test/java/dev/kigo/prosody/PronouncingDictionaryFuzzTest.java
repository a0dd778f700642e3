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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as a pronouncing dictionary (a poet may point {@code -Dkigo.dictionary} at any file): it loads, or is
 * refused in one sentence that names the file; every word it holds has pronunciations with a sane syllable count, the
 * prefix index the constrained mode builds from it answers for every word, and reading takes bounded time.
 * `mvn test` replays the committed inputs (PronouncingDictionaryFuzzTestInputs); JAZZER_FUZZ=1 fuzzes
 * (docs/reliability.md).
 */
@Tag("fuzz")
class PronouncingDictionaryFuzzTest {
    private static final long MAX_MILLIS = Fuzzing.MAX_MILLIS;
    private static Path folder;

    @BeforeAll
    static void makeAFolder() throws IOException {
        folder = Fuzzing.scratchFolder("cmudict-fuzz");
    }

    @AfterAll
    static void removeTheFolder() throws IOException {
        Fuzzing.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void anyFileLoadsOrIsRefusedInOneSentenceAndEveryWordHasASaneCount(byte @NotNull [] bytes) throws IOException {
        Path file = folder.resolve("cmudict.dict");
        Files.write(file, bytes);
        long start = System.nanoTime();
        PronouncingDictionary dictionary;
        try {
            dictionary = PronouncingDictionary.load(file);
        } catch (UncheckedIOException e) {
            Fuzzing.assertOneSentenceNaming(file.toString(), e);
            return;
        }
        SyllablePrefixIndex index = dictionary.prefixIndex();
        for (String word : dictionary.words()) {
            List<Pronunciation> pronunciations = dictionary.pronunciations(word);
            assertFalse(pronunciations.isEmpty(), word);
            SyllableRange range = dictionary.syllableRange(word).orElseThrow();
            assertTrue(range.min() >= 0 && range.min() <= range.max(), word + ": " + range);
            SyllableRange completions = index.completions(word).orElseThrow(() -> new AssertionError(word));
            assertTrue(completions.min() <= range.min() && completions.max() >= Math.min(range.max(), 127),
                    word + ": the prefix index gives " + completions + " for " + range);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "reading " + bytes.length + " bytes took " + millis + " ms");
    }
}
