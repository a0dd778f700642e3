package dev.kigo.library;

import dev.kigo.library.Fixtures.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PieceStoreTest {
    private static final Instant START = Instant.parse("2024-05-01T09:30:00.123Z");

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("library.db");
    }

    @Test
    void everyFieldOfAPieceAndItsGenerationSurvivesClosingAndReopening() {
        ManualClock clock = new ManualClock(START);
        GenerationRecord generation = Fixtures.generation("frog pond", 7);
        PieceDraft draft = new PieceDraft(
                new PieceContent("  Old pond  ", "old pond\r\na frog jumps in —\nBashō's splash", "haiku",
                        "[{\"line\":1,\"syllables\":3,\"expected\":5}]", true),
                "frog pond", true, List.of("#spring", " water  sounds ", "Spring"));
        long id;
        try (Library library = Library.open(file(), clock)) {
            id = library.pieces().save(draft, generation).id();
        }
        try (Library library = Library.open(file(), clock)) {
            Piece piece = library.pieces().get(id);
            assertEquals("Old pond", piece.title());
            assertEquals("old pond\na frog jumps in —\nBashō's splash", piece.text());
            assertEquals("haiku", piece.content().form());
            assertEquals("[{\"line\":1,\"syllables\":3,\"expected\":5}]", piece.content().verdictJson());
            assertTrue(piece.content().formValid());
            assertEquals("frog pond", piece.keywords());
            assertTrue(piece.favourite());
            assertEquals(List.of("spring", "water sounds"), piece.tags());
            assertEquals("kigo-haiku-small", piece.modelName());
            assertEquals(START, piece.createdAt());
            assertEquals(START, piece.editedAt());
            assertEquals(Optional.empty(), piece.deletedAt());

            StoredGeneration stored = library.pieces().generation(piece.generationId().orElseThrow()).orElseThrow();
            assertEquals(generation, stored.record(), "every generation field, settings and token ids included");
            assertEquals(START, stored.createdAt());

            List<Version> versions = library.pieces().versions(id);
            assertEquals(1, versions.size());
            assertEquals(VersionKind.GENERATED, versions.get(0).kind());
            assertEquals(OptionalLong.empty(), versions.get(0).parentId());
            assertEquals(piece.content(), versions.get(0).content());
            assertEquals(piece.generationId(), versions.get(0).generationId());
        }
    }

    @Test
    void reproductionGivesBackPromptFormatAndSettingsWithSeed() {
        try (Library library = Library.open(file())) {
            GenerationRecord generation = Fixtures.generation("dog rain", 1234567890123L);
            long id = library.pieces().save(Fixtures.draft("", "wet dog"), generation).id();

            Reproduction reproduction = library.pieces().reproduction(id).orElseThrow();

            assertEquals("(dog rain =", reproduction.prompt());
            assertEquals("keywords-to-haiku", reproduction.promptFormat());
            assertEquals(Fixtures.settings(1234567890123L), reproduction.settings());
            assertEquals("kigo-haiku-small", reproduction.modelName());
            assertEquals(Fixtures.MODEL_HASH, reproduction.modelHash());
        }
    }

    @Test
    void aPieceWrittenByHandHasNoGenerationToReproduce() {
        try (Library library = Library.open(file())) {
            Piece piece = library.pieces().save(Fixtures.draft("", "my own words"), null);

            assertEquals(OptionalLong.empty(), piece.generationId());
            assertEquals("", piece.modelName());
            assertEquals(Optional.empty(), library.pieces().reproduction(piece.id()));
            assertEquals(VersionKind.WRITTEN, library.pieces().versions(piece.id()).get(0).kind());
        }
    }

    @Test
    void editsRegenerationsAndRestoresFormAChainOfVersionsThePoetCanGoBackThrough() {
        ManualClock clock = new ManualClock(START);
        try (Library library = Library.open(file(), clock)) {
            PieceStore pieces = library.pieces();
            long id = pieces.save(Fixtures.draft("", "first"), Fixtures.generation("a", 1)).id();
            clock.advance(Duration.ofMinutes(1));
            pieces.edit(id, PieceContent.of("Edited", "second", "tanka"));
            clock.advance(Duration.ofMinutes(1));
            Piece regenerated = pieces.regenerate(id, PieceContent.of("", "third", "haiku"), Fixtures.generation("b", 2));
            assertEquals("(b =", pieces.reproduction(id).orElseThrow().prompt());
            List<Version> beforeRestore = pieces.versions(id);
            clock.advance(Duration.ofMinutes(1));
            Piece restored = pieces.restore(id, beforeRestore.get(1).id());

            List<Version> versions = pieces.versions(id);
            assertEquals(List.of(VersionKind.GENERATED, VersionKind.EDITED, VersionKind.REGENERATED, VersionKind.RESTORED),
                    versions.stream().map(Version::kind).toList());
            for (int i = 1; i < versions.size(); i++) {
                assertEquals(OptionalLong.of(versions.get(i - 1).id()), versions.get(i).parentId());
            }
            // The edit keeps the generation its text came from; the regeneration brings a new one.
            assertEquals(versions.get(0).generationId(), versions.get(1).generationId());
            assertTrue(regenerated.generationId().getAsLong() != versions.get(0).generationId().getAsLong());
            // Going back to the edit restores its text and its generation.
            assertEquals("second", restored.text());
            assertEquals("Edited", restored.title());
            assertEquals("tanka", restored.content().form());
            assertEquals(versions.get(1).generationId(), restored.generationId());
            assertEquals("(a =", pieces.reproduction(id).orElseThrow().prompt());
            assertEquals(START, restored.createdAt());
            assertEquals(START.plus(Duration.ofMinutes(3)), restored.editedAt());
        }
    }

    @Test
    void favouritesAndTagsChangeWithoutAddingVersions() {
        try (Library library = Library.open(file())) {
            PieceStore pieces = library.pieces();
            long id = pieces.save(Fixtures.draft("", "dew", "autumn"), null).id();

            pieces.setFavourite(id, true);
            pieces.addTag(id, "#Night");
            pieces.addTag(id, "AUTUMN");
            pieces.removeTag(id, "autumn");

            Piece piece = pieces.get(id);
            assertTrue(piece.favourite());
            assertEquals(List.of("Night"), piece.tags());
            assertEquals(1, pieces.versions(id).size());
            assertEquals(List.of("Night"), pieces.tags());
        }
    }

    @Test
    void deleteMovesPiecesToTheTrashAndUndoBringsBackExactlyThose() {
        try (Library library = Library.open(file())) {
            PieceStore pieces = library.pieces();
            long kept = pieces.save(Fixtures.draft("", "kept"), null).id();
            long first = pieces.save(Fixtures.draft("", "first"), null).id();
            long second = pieces.save(Fixtures.draft("", "second"), null).id();

            DeletionToken token = pieces.delete(first, second, 999);

            assertEquals(List.of(first, second), token.pieceIds());
            assertEquals(List.of(kept), pieces.search(SearchQuery.all()).stream().map(Piece::id).toList());
            assertEquals(2, pieces.count(SearchQuery.all().inTrash(true)));
            assertTrue(pieces.get(first).isDeleted());
            LibraryException refused = assertThrows(LibraryException.class,
                    () -> pieces.edit(first, PieceContent.of("", "changed", "haiku")));
            assertEquals("Piece " + first + " is in the trash; undo the delete before changing it.", refused.getMessage());

            assertEquals(2, pieces.undoDelete(token));
            assertEquals(3, pieces.count(SearchQuery.all()));
            assertFalse(pieces.get(first).isDeleted());
        }
    }

    @Test
    void emptyingTheTrashRemovesPiecesVersionsTagsAndTheirGenerationsForGood() {
        ManualClock clock = new ManualClock(START);
        try (Library library = Library.open(file(), clock)) {
            PieceStore pieces = library.pieces();
            long kept = pieces.save(Fixtures.draft("", "kept", "x"), Fixtures.generation("k", 1)).id();
            long gone = pieces.save(Fixtures.draft("", "gone", "y"), Fixtures.generation("g", 2)).id();
            pieces.regenerate(gone, PieceContent.of("", "gone again", "haiku"), Fixtures.generation("g", 3));
            long goneGeneration = pieces.get(gone).generationId().getAsLong();
            pieces.delete(gone);
            clock.advance(Duration.ofDays(31));

            assertEquals(1, pieces.emptyTrash(clock.instant().minus(Duration.ofDays(30))));

            assertEquals(Optional.empty(), pieces.find(gone));
            assertEquals(List.of(), pieces.versions(gone));
            assertEquals(Optional.empty(), pieces.generation(goneGeneration));
            assertTrue(pieces.reproduction(kept).isPresent());
            assertEquals(List.of(), library.checkIntegrity());
            assertEquals(List.of(), pieces.search(SearchQuery.words("gone")));
        }
    }

    @Test
    void unknownPiecesAreReportedInOneSentence() {
        try (Library library = Library.open(file())) {
            LibraryException missing = assertThrows(LibraryException.class, () -> library.pieces().get(42));
            assertEquals("There is no piece 42 in the library.", missing.getMessage());
            assertThrows(LibraryException.class, () -> library.pieces().setFavourite(42, true));
            assertThrows(LibraryException.class, () -> library.pieces().restore(42, 1));
        }
    }

    @Test
    void settingsStoredBeforeAKnobExistedStillLoadWithTheKnobsDefault() throws Exception {
        long id;
        try (Library library = Library.open(file())) {
            id = library.pieces().save(Fixtures.draft("", "old"), Fixtures.generation("old", 5)).id();
        }
        // As if an older Kigo wrote the row: no "minP", and a knob this Kigo no longer has.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE generation SET settings_json = json_insert(json_remove(settings_json, "
                    + "'$.minP'), '$.typicalP', 0.5)");
        }
        try (Library library = Library.open(file())) {
            Reproduction reproduction = library.pieces().reproduction(id).orElseThrow();
            assertEquals(0.0, reproduction.settings().minP());
            assertEquals(5L, reproduction.settings().seed());
            assertEquals(0.73, reproduction.settings().temperature());
        }
    }
}
