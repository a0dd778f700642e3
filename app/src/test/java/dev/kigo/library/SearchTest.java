package dev.kigo.library;

import dev.kigo.generate.FinishReason;
import dev.kigo.library.Fixtures.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTest {
    private static final Instant MAY_1 = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock(MAY_1);
    private Library library;
    private PieceStore pieces;
    private long frog;
    private long crows;
    private long basho;
    private long untitled;

    @BeforeEach
    void fillLibrary() {
        library = Library.open(folder.resolve("library.db"), clock);
        pieces = library.pieces();
        frog = pieces.save(new PieceDraft(new PieceContent("Old pond", "an old silent pond\na frog jumps into the pond\nsplash! silence again",
                "haiku", "[]", true), "frog pond", true, List.of("classic", "water")), Fixtures.generation("frog", 1)).id();
        clock.advance(Duration.ofDays(1));
        crows = pieces.save(new PieceDraft(new PieceContent("Crows", "running crows at dusk\nthe moon's cold light on the field",
                "haiku", "[]", false), "crow moon", false, List.of("night")), null).id();
        clock.advance(Duration.ofDays(1));
        GenerationRecord otherModel = new GenerationRecord("other-model", "00", "(autumn =", "keywords-to-haiku",
                Fixtures.settings(3), "CUDA:0", "", List.of(), FinishReason.MAX_TOKENS, 1, 1, 1, 1, -1, "");
        basho = pieces.save(new PieceDraft(new PieceContent("Bashō", "autumn moonlight —\na worm digs silently\ninto the chestnut",
                "haiku", "[]", true), "autumn", false, List.of("moon viewing")), otherModel).id();
        clock.advance(Duration.ofDays(1));
        untitled = pieces.save(new PieceDraft(PieceContent.of("", "a poppy\nblooms", "free"), "", false, List.of()), null).id();
    }

    @AfterEach
    void closeLibrary() {
        library.close();
    }

    private List<Long> find(SearchQuery query) {
        return pieces.search(query).stream().map(Piece::id).toList();
    }

    private List<Long> find(String words) {
        return find(SearchQuery.words(words));
    }

    @Test
    void wordsAreFoundInTextTitlesTagsAndKeywords() {
        assertEquals(List.of(frog), find("splash"));
        assertEquals(List.of(crows), find("crows"));
        assertEquals(List.of(frog), find("classic"));
        assertEquals(List.of(basho), find("viewing"));
        assertEquals(List.of(crows), find("crow"), "keyword 'crow' of the crows piece");
    }

    @Test
    void porterStemmingMatchesOtherFormsOfAWord() {
        assertEquals(List.of(frog), find("jumping"));
        assertEquals(List.of(crows), find("runs"));
        assertEquals(List.of(basho), find("digging"));
        assertEquals(Set.of(frog, basho), Set.copyOf(find("silent")), "silent and silently");
    }

    @Test
    void aTrailingStarMatchesAsAPrefix() {
        assertEquals(List.of(basho), find("chest*"));
        assertEquals(List.of(), find("chest"));
        assertEquals(Set.of(crows, basho), Set.copyOf(find("moo*")), "moon's, moon (keyword), moonlight, moon viewing");
    }

    @Test
    void diacriticsAndCaseDoNotMatter() {
        assertEquals(List.of(basho), find("basho"));
        assertEquals(List.of(basho), find("BASHŌ"));
    }

    @Test
    void fieldPrefixesLimitAWordToTitlesTagsOrKeywords() {
        assertEquals(List.of(basho), find("title:bashō"));
        assertEquals(List.of(), find("tag:silent"));
        assertEquals(List.of(crows), find("tag:night"));
        assertEquals(List.of(frog), find("keyword:frog"));
    }

    @Test
    void quotedWordsFormAPhraseAndSeveralWordsMustAllMatch() {
        assertEquals(List.of(crows), find("\"cold light\""));
        assertEquals(List.of(), find("\"light cold\""));
        assertEquals(List.of(crows), find("moon crows"));
        assertEquals(List.of(), find("frog crows"));
    }

    @Test
    void titlesWeighMoreThanTextInRelevance() {
        long inText = pieces.save(Fixtures.draft("Evening", "the long evening\ntwilight settles on the hill"), null).id();
        long inTitle = pieces.save(Fixtures.draft("Twilight", "the long evening\nshadows settle on the hill"), null).id();

        assertEquals(List.of(inTitle, inText), find("twilight"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"moon's \"", "\"", "\"\"", "AND", "OR moon", "NOT", "NEAR(moon crows)", "moon AND",
            "-moon", "+", "*", "moon**", "^moon", "title:", "col:moon", "tag:\"", "(", ")", "{title}: moon", ":",
            "🌕", "'", "a OR", "moon\"s", "\\", "%", "_", "NEAR", "\u0000"})
    void hostileQueriesNeverThrow(String query) {
        List<Long> found = find(query);
        assertTrue(found.size() <= 4);
        assertTrue(pieces.count(SearchQuery.words(query)) <= 4);
    }

    @Test
    void operatorWordsAreSearchedAsWordsNotObeyed() {
        assertEquals(List.of(crows), find("moon's \""), "moon's matches the crows piece: the stray quote is ignored");
        assertEquals(List.of(), find("OR moon"), "OR is a word here, and no piece says 'or'");
        assertEquals(List.of(), find("NOT frog"));
    }

    @Test
    void emptyWordsListEverything() {
        assertEquals(4, find("").size());
        assertEquals(4, find("   ").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "(", "🐸", "title:", "  🌕 \" ", "* - :"})
    void wordsWithNothingSearchableFindNothing(String query) {
        assertEquals(List.of(), find(query));
        assertEquals(0, pieces.count(SearchQuery.words(query)));
        assertFalse(SearchQuery.words(query).hasSearchableWords());
        assertTrue(SearchQuery.words(query + " moon").hasSearchableWords());
    }

    @ParameterizedTest
    @ValueSource(strings = {"moon ", "\"", "a\" ", "title:x ", "🐸"})
    void aHundredKilobyteQueryOfRepeatedWordsIsAnsweredQuickly(String unit) {
        String query = unit.repeat(100_000 / unit.length());
        long start = System.nanoTime();
        find(query);
        pieces.count(SearchQuery.words(query));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("search: 100 KB of '%s' searched and counted in %d ms%n", unit, millis);
        assertTrue(millis < 1_000, millis + " ms");
    }

    @Test
    void aQueryOfTooManyDifferentWordsIsRefusedQuicklyInOneSentence() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; query.length() < 100_000; i++) {
            query.append("moon").append(Integer.toString(i, 26).replaceAll("[0-9]", "x")).append(' ');
        }
        long start = System.nanoTime();
        LibraryException refused = assertThrows(LibraryException.class, () -> find(query.toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("search: 100 KB of different words refused in %d ms%n", millis);
        assertTrue(millis < 1_000, millis + " ms");
        assertEquals("A search takes at most 64 different words.", refused.getMessage());
        List<String> words = List.of(query.toString().split(" "));
        assertEquals(List.of(), find(String.join(" ", words.subList(0, 64))), "64 different words are searched");
    }

    @Test
    void filtersNarrowByFavouriteFormModelAndDate() {
        assertEquals(List.of(frog), find(SearchQuery.all().favouritesOnly(true)));
        assertEquals(List.of(basho, frog), find(SearchQuery.all().withFormValid(true)));
        assertEquals(List.of(untitled, crows), find(SearchQuery.all().withFormValid(false)));
        assertEquals(List.of(basho), find(SearchQuery.all().withModel("OTHER-model")));
        assertEquals(List.of(crows, frog),
                find(SearchQuery.all().createdBetween(MAY_1, MAY_1.plus(Duration.ofDays(2)))));
        assertEquals(List.of(untitled, basho), find(SearchQuery.all().createdBetween(MAY_1.plus(Duration.ofDays(2)), null)));
        assertEquals(List.of(basho), find(SearchQuery.words("moon*").withFormValid(true)));
    }

    @Test
    void sortOrdersAndPaging() {
        assertEquals(List.of(untitled, basho, crows, frog), find(SearchQuery.all().sortedBy(SortOrder.NEWEST)));
        assertEquals(List.of(frog, crows, basho, untitled), find(SearchQuery.all().sortedBy(SortOrder.OLDEST)));
        assertEquals(List.of(basho, crows, frog, untitled), find(SearchQuery.all().sortedBy(SortOrder.TITLE)));
        assertEquals(List.of(crows, basho), find(SearchQuery.all().sortedBy(SortOrder.OLDEST).page(2, 1)));
        assertEquals(4, pieces.count(SearchQuery.all().page(1, 0)));

        clock.advance(Duration.ofMinutes(1));
        pieces.edit(frog, PieceContent.of("Old pond", "an old pond", "haiku"));
        assertEquals(frog, find(SearchQuery.all().sortedBy(SortOrder.RECENTLY_EDITED)).get(0));
    }

    @Test
    void editsTagChangesAndDeletesReachTheIndex() {
        pieces.edit(untitled, PieceContent.of("Poppy", "a red poppy\nblooms in the cornfield", "free"));
        pieces.setTags(crows, List.of("evening"));
        pieces.delete(frog);

        assertEquals(List.of(untitled), find("cornfield"));
        assertEquals(List.of(untitled), find("title:poppy"));
        assertEquals(List.of(), find("tag:night"));
        assertEquals(List.of(crows), find("evening"));
        assertEquals(List.of(), find("frog"), "deleted pieces are not found");
        assertEquals(List.of(frog), find(SearchQuery.words("frog").inTrash(true)));
    }

    @Test
    void modelNamesAndTagsListWhatIsInUse() {
        assertEquals(List.of("kigo-haiku-small", "other-model"), pieces.modelNames());
        assertEquals(List.of("classic", "moon viewing", "night", "water"), pieces.tags());
    }
}
