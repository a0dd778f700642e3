package dev.kigo.library;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.kigo.Fuzzing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any search words against a real library: the full-text query built from them is always valid FTS5 (a syntax error
 * would be a stack trace for the poet), the count agrees with the pieces found, and an answer takes bounded time.
 * `mvn test` replays the committed inputs (SearchFuzzTestInputs); JAZZER_FUZZ=1 fuzzes (docs/reliability.md).
 */
@Tag("fuzz")
class SearchFuzzTest {
    /**
     * Inputs reach 100 KB (SearchTest times those uninstrumented: about 0.4 s); Jazzer's hooks, active while it replays,
     * make the same search several times slower.
     */
    private static final long MAX_MILLIS = 5_000;
    private static Path folder;
    private static Library library;

    @BeforeAll
    static void openALibraryOfAFewPieces() throws IOException {
        folder = Fuzzing.scratchFolder("search-fuzz");
        library = Library.open(folder.resolve("library.db"));
        for (String text : List.of("old pond —\na frog jumps in\nthe sound of water", "crows at dusk\nthe cold moon",
                "🐸 \"quoted\" title: tag:spring * - ( ) NEAR AND OR NOT", "café bashō naïve 古池や")) {
            library.pieces().save(new PieceDraft(PieceContent.of("a title", text, "free"), "", false,
                    List.of("spring", "night")), null);
        }
    }

    @AfterAll
    static void closeAndRemove() throws IOException {
        library.close();
        Fuzzing.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void anySearchWordsRunAsAValidQueryInBoundedTime(@NotNull String words) {
        long start = System.nanoTime();
        SearchQuery query = SearchQuery.words(words);
        try {
            List<Piece> found = library.pieces().search(query);
            assertEquals(found.size(), library.pieces().count(query));
        } catch (LibraryException e) {
            assertEquals("A search takes at most " + FtsQuery.MAX_TERMS + " different words.", e.getMessage());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "searching " + words.length() + " characters took " + millis + " ms");
    }
}
