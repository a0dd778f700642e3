package dev.kigo.library;

import dev.kigo.library.Fixtures.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ComparisonStoreTest {
    private static final Instant START = Instant.parse("2024-05-01T09:30:00.123Z");

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("library.db");
    }

    private static ComparisonDraft twoColumns(String keywords) {
        return new ComparisonDraft(keywords, "keywords-to-haiku", List.of(
                new ComparisonColumn("Precise", Fixtures.generation(keywords, 7)),
                new ComparisonColumn(" Wild ", Fixtures.generation(keywords, 8).withKeptForm("haiku"))));
    }

    @Test
    void everyColumnAndItsWholeGenerationSurvivesClosingAndReopening() {
        ComparisonDraft draft = twoColumns("autumn moon");
        long id;
        try (Library library = Library.open(file(), new ManualClock(START))) {
            id = library.comparisons().save(draft);
        }
        try (Library library = Library.open(file(), new ManualClock(START))) {
            Comparison saved = library.comparisons().find(id).orElseThrow();
            assertEquals(id, saved.id());
            assertEquals(START, saved.createdAt());
            assertEquals("autumn moon", saved.prompt());
            assertEquals("keywords-to-haiku", saved.promptFormat());
            assertEquals(List.of("Precise", "Wild"), saved.columns().stream().map(ComparisonColumn::label).toList());
            assertEquals(draft.columns(), saved.columns(), "settings with seed, text, token ids, timings, kept form");
            assertEquals(List.of(), library.checkIntegrity());
        }
    }

    @Test
    void twelveColumnsKeepTheirOrderAndThirteenAreRefused() {
        List<ComparisonColumn> twelve = IntStream.range(0, Comparison.MAX_COLUMNS)
                .mapToObj(seed -> new ComparisonColumn("seed " + seed, Fixtures.generation("dog rain", seed)))
                .toList();
        try (Library library = Library.open(file())) {
            long id = library.comparisons().save(new ComparisonDraft("dog rain", "keywords-to-haiku", twelve));
            assertEquals(twelve, library.comparisons().find(id).orElseThrow().columns());
        }
        List<ComparisonColumn> thirteen = IntStream.range(0, 13)
                .mapToObj(seed -> new ComparisonColumn("", Fixtures.generation("dog rain", seed))).toList();
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new ComparisonDraft("dog rain", "keywords-to-haiku", thirteen));
        assertEquals("A comparison has 1 to 12 columns, not 13.", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ComparisonDraft("dog rain", "plain", List.of()));
    }

    @Test
    void recentListsTheNewestFirstUpToTheLimit() {
        ManualClock clock = new ManualClock(START);
        try (Library library = Library.open(file(), clock)) {
            long first = library.comparisons().save(twoColumns("first"));
            clock.advance(Duration.ofMinutes(1));
            long second = library.comparisons().save(twoColumns("second"));
            clock.advance(Duration.ofMinutes(1));
            long third = library.comparisons().save(twoColumns("third"));

            assertEquals(List.of(third, second), library.comparisons().recent(2).stream().map(Comparison::id).toList());
            assertEquals(List.of(third, second, first),
                    library.comparisons().recent(10).stream().map(Comparison::id).toList());
            assertEquals(List.of("first"), List.of(library.comparisons().recent(10).get(2).prompt()));
            assertEquals(2, library.comparisons().recent(10).get(2).columns().size());
            assertEquals(List.of(), library.comparisons().recent(0));
        }
    }

    @Test
    void aPieceKeptFromAComparisonLinksBackAndKeepsItsTextWhenTheComparisonIsDeleted() {
        try (Library library = Library.open(file())) {
            long comparison = library.comparisons().save(twoColumns("autumn moon"));
            ComparisonColumn wild = library.comparisons().find(comparison).orElseThrow().columns().get(1);
            Piece kept = library.pieces().save(Fixtures.draft("", "autumn moon rising").withComparison(comparison),
                    wild.generation());
            Piece typed = library.pieces().save(Fixtures.draft("", "written by hand"), null);

            assertEquals(Optional.of(comparison), library.pieces().get(kept.id()).comparisonId());
            assertEquals(Optional.empty(), typed.comparisonId());
            // An edit is a new version of the same piece: the link stays.
            library.pieces().edit(kept.id(), PieceContent.of("", "autumn moon rising high", "haiku"));
            assertEquals(Optional.of(comparison), library.pieces().get(kept.id()).comparisonId());

            library.comparisons().delete(comparison);

            assertEquals(Optional.empty(), library.comparisons().find(comparison));
            Piece after = library.pieces().get(kept.id());
            assertEquals(Optional.empty(), after.comparisonId());
            assertEquals("autumn moon rising high", after.text());
            assertEquals(wild.generation(), library.pieces().generation(after.generationId().getAsLong())
                    .orElseThrow().record(), "the piece's own generation is not the comparison's to delete");
            assertEquals(List.of(), library.checkIntegrity());
        }
    }

    @Test
    void deletingAComparisonRemovesItsColumnsGenerationsAndEmptyingTheTrashKeepsThoseOfSavedComparisons() {
        ManualClock clock = new ManualClock(START);
        try (Library library = Library.open(file(), clock)) {
            long gone = library.comparisons().save(twoColumns("gone"));
            long stays = library.comparisons().save(twoColumns("stays"));
            long piece = library.pieces().save(Fixtures.draft("", "trashed"), Fixtures.generation("t", 1)).id();
            library.pieces().delete(piece);
            clock.advance(Duration.ofDays(31));

            library.comparisons().delete(gone);
            library.comparisons().delete(gone);
            library.pieces().emptyTrash(clock.instant());

            assertEquals(List.of(stays), library.comparisons().recent(10).stream().map(Comparison::id).toList());
            assertEquals(twoColumns("stays").columns(), library.comparisons().find(stays).orElseThrow().columns());
            assertEquals(List.of(), library.checkIntegrity());
            // Only the two generations of the comparison that stays are left.
            assertEquals(2, IntStream.rangeClosed(1, 10)
                    .filter(id -> library.pieces().generation(id).isPresent()).count());
        }
    }

    @Test
    void aPieceCannotLinkToAComparisonThatIsNotThere() {
        try (Library library = Library.open(file())) {
            LibraryException refused = assertThrows(LibraryException.class, () ->
                    library.pieces().save(Fixtures.draft("", "orphan").withComparison(99), null));
            assertEquals(0, library.pieces().count(SearchQuery.all()));
            assertEquals(true, refused.getMessage().startsWith("Could not save the piece"), refused.getMessage());
        }
    }
}
