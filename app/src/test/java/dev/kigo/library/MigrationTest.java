package dev.kigo.library;

import dev.kigo.generate.SamplingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationTest {
    @TempDir
    Path folder;

    /** Builds a library file as an earlier Kigo wrote it, from the frozen fixture of that version. */
    private Path libraryOfVersion(int version) throws Exception {
        Path file = folder.resolve("v" + version + ".db");
        try (InputStream fixture = MigrationTest.class.getResourceAsStream("library-v" + version + ".sql")) {
            assertNotNull(fixture, "every earlier schema version needs a frozen fixture library-v" + version + ".sql");
            String script = new String(fixture.readAllBytes(), StandardCharsets.UTF_8);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate(script);
            }
        }
        return file;
    }

    private static List<String> schema(Path file) throws SQLException {
        List<String> schema = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rows.next()) {
                String sql = rows.getString(4) == null ? "" : rows.getString(4).replaceAll("\\s+", " ");
                schema.add(rows.getString(1) + " " + rows.getString(2) + " on " + rows.getString(3) + ": " + sql);
            }
        }
        return schema;
    }

    @Test
    void everyEarlierVersionOpensWithItsDataAndEndsWithTheSameSchemaAsANewLibrary() throws Exception {
        Path fresh = folder.resolve("fresh.db");
        Library.open(fresh).close();
        for (int version : earlierVersions().toArray()) {
            Path old = libraryOfVersion(version);
            try (Library library = Library.open(old)) {
                assertEquals(Migrations.CURRENT_VERSION, library.schemaVersion());
                assertEquals(Optional.empty(), library.setAside());
                assertEquals(List.of(), library.checkIntegrity());
                assertEquals(2, library.pieces().count(SearchQuery.all()) + library.pieces().count(SearchQuery.all().inTrash(true)));
            }
            assertEquals(schema(fresh), schema(old), "migrating from v" + version + " gives a new library's schema");
        }
    }

    /** Every earlier version, so a new schema step cannot be released without its frozen fixture. */
    static IntStream earlierVersions() {
        return IntStream.range(1, Migrations.CURRENT_VERSION);
    }

    @ParameterizedTest
    @MethodSource("earlierVersions")
    void theFrozenFixtureOfEachVersionHasTheSchemaItsMigrationCreates(int version) throws Exception {
        Path migrated = folder.resolve("step" + version + ".db");
        try (Database database = Database.connect(migrated, Clock.systemUTC())) {
            Migrations.migrate(database, version);
        }
        Path fixture = libraryOfVersion(version);
        assertEquals(schema(fixture), schema(migrated));
    }

    @Test
    void aVersionOneLibraryKeepsEveryFieldAndBecomesSearchable() throws Exception {
        Path file = libraryOfVersion(1);
        try (Library library = Library.open(file)) {
            PieceStore pieces = library.pieces();
            Piece pond = pieces.get(1);
            assertEquals("Old pond", pond.title());
            assertEquals("old pond\na frog jumps into the water\nBashō's splash", pond.text());
            assertEquals("[{\"line\":1,\"syllables\":2}]", pond.content().verdictJson());
            assertTrue(pond.favourite());
            assertEquals(List.of("classic", "water"), pond.tags());
            assertEquals(Instant.parse("2024-05-01T09:31:00Z"), pond.editedAt());
            assertEquals(List.of(VersionKind.GENERATED, VersionKind.EDITED),
                    pieces.versions(1).stream().map(Version::kind).toList());
            GenerationRecord generation = pieces.generation(1).orElseThrow().record();
            assertEquals(Fixtures.generation("frog pond", 7), generation);
            assertTrue(pieces.get(2).isDeleted());

            // The search index added by version 2 holds the pieces that were already there.
            assertEquals(List.of(1L), pieces.search(SearchQuery.words("jumping")).stream().map(Piece::id).toList());
            assertEquals(List.of(1L), pieces.search(SearchQuery.words("tag:classic")).stream().map(Piece::id).toList());
            assertEquals(List.of(2L), pieces.search(SearchQuery.words("quiet").inTrash(true)).stream().map(Piece::id).toList());
            // And what version 2 added works.
            library.dictionary().put("wisteria", 4, null);
            assertEquals(4, library.dictionary().find("Wisteria").orElseThrow().syllables());
            assertEquals(new SamplingSettings(1.1, 0, 0.9, 0.0, 1.0, 0, 1, 40, 3, List.of()),
                    library.presets().defaultPreset().orElseThrow().settings());
            long added = pieces.save(Fixtures.draft("", "new after migration"), null).id();
            assertEquals(List.of(added), pieces.search(SearchQuery.words("migration")).stream().map(Piece::id).toList());
        }
    }

    @Test
    void aVersionTwoLibraryKeepsEveryFieldAndItsGenerationsWereFree() throws Exception {
        Path file = libraryOfVersion(2);
        try (Library library = Library.open(file)) {
            PieceStore pieces = library.pieces();
            Piece pond = pieces.get(1);
            assertEquals("Old pond", pond.title());
            assertEquals(List.of("classic", "water"), pond.tags());
            GenerationRecord generation = pieces.generation(1).orElseThrow().record();
            assertEquals(Fixtures.generation("frog pond", 7), generation);
            assertEquals(null, generation.keptForm(), "a generation stored before v3 kept no form");
            assertEquals(null, pieces.reproduction(1).orElseThrow().keptForm());
            assertEquals(List.of(1L), pieces.search(SearchQuery.words("jumping")).stream().map(Piece::id).toList());
            assertEquals(2, library.dictionary().find("bashō").orElseThrow().syllables());

            // And what version 3 added works: the form a generation was held to is stored and reproduced.
            long kept = pieces.save(Fixtures.draft("", "kept to the form"),
                    Fixtures.generation("autumn moon", 9).withKeptForm("3-5-3")).id();
            long keptGeneration = pieces.get(kept).generationId().getAsLong();
            assertEquals("3-5-3", pieces.generation(keptGeneration).orElseThrow().record().keptForm());
            assertEquals("3-5-3", pieces.reproduction(kept).orElseThrow().keptForm());
            long free = pieces.save(Fixtures.draft("", "free after migration"), Fixtures.generation("dog rain", 3)).id();
            assertEquals(null, pieces.reproduction(free).orElseThrow().keptForm());
        }
    }

    @Test
    void aVersionThreeLibraryKeepsEveryFieldAndItsPiecesCameFromNoComparison() throws Exception {
        Path file = libraryOfVersion(3);
        try (Library library = Library.open(file)) {
            PieceStore pieces = library.pieces();
            Piece pond = pieces.get(1);
            assertEquals("Old pond", pond.title());
            assertEquals(List.of("classic", "water"), pond.tags());
            assertEquals(Fixtures.generation("frog pond", 7).withKeptForm("haiku"),
                    pieces.generation(1).orElseThrow().record());
            assertEquals(Optional.empty(), pond.comparisonId(), "a piece stored before v4 was kept from no comparison");
            assertEquals(Optional.empty(), pieces.get(2).comparisonId());
            assertEquals(List.of(), library.comparisons().recent(10));

            // And what version 4 added works: a comparison is saved, and a piece kept from it links back.
            long comparison = library.comparisons().save(new ComparisonDraft("autumn moon", "keywords-to-haiku",
                    List.of(new ComparisonColumn("Precise", Fixtures.generation("autumn moon", 1)),
                            new ComparisonColumn("Wild", Fixtures.generation("autumn moon", 2)))));
            long kept = pieces.save(Fixtures.draft("", "kept from the comparison").withComparison(comparison),
                    Fixtures.generation("autumn moon", 2)).id();
            assertEquals(Optional.of(comparison), pieces.get(kept).comparisonId());
            assertEquals(2, library.comparisons().find(comparison).orElseThrow().columns().size());
            assertEquals(List.of(), library.checkIntegrity());
        }
    }

    @Test
    void aLibraryFromANewerKigoIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("library.db");
        Library.open(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);

        LibraryException refused = assertThrows(LibraryException.class, () -> Library.open(file));

        assertEquals("The library " + file + " was written by a newer Kigo (schema 99; this Kigo reads up to "
                + Migrations.CURRENT_VERSION + "), so it was left untouched: update Kigo to open it.", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("library.db"), fileNames());
    }

    private List<String> fileNames() throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
