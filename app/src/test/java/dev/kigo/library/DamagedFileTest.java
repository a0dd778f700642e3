package dev.kigo.library;

import dev.kigo.library.Fixtures.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DamagedFileTest {
    private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("library.db");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** Opens the file and checks it was set aside whole, and that the new library works. */
    private SetAside openExpectingSetAside(byte[] originalBytes) throws IOException {
        try (Library library = Library.open(file(), new ManualClock(NOON))) {
            SetAside setAside = library.setAside().orElseThrow(() -> new AssertionError("the file was not set aside"));
            assertEquals(file(), setAside.original());
            assertTrue(setAside.movedTo().getFileName().toString().startsWith("library.db.corrupt-"));
            if (originalBytes != null) {
                assertArrayEquals(originalBytes, Files.readAllBytes(setAside.movedTo()), "kept byte for byte");
            }
            assertTrue(setAside.message().startsWith("The library file " + file() + " could not be used ("));
            assertTrue(setAside.message().endsWith("so it was kept as " + setAside.movedTo()
                    + " and a new, empty library was started."));
            assertEquals(Migrations.CURRENT_VERSION, library.schemaVersion());
            library.pieces().save(Fixtures.draft("", "a fresh start"), null);
            assertEquals(1, library.pieces().count(SearchQuery.all()));
            assertEquals(List.of(), library.checkIntegrity());
            return setAside;
        }
    }

    @Test
    void aFileOfGarbageBytesIsKeptAsideAndANewLibraryStarted() throws IOException {
        byte[] garbage = randomBytes(10_000);
        Files.write(file(), garbage);

        SetAside setAside = openExpectingSetAside(garbage);

        assertEquals("it is not an SQLite database", setAside.reason());
    }

    @Test
    void anotherProgramsSqliteDatabaseIsKeptAsideWithItsDataIntact() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Issa'), ('Buson');");
        }
        byte[] original = Files.readAllBytes(file());

        SetAside setAside = openExpectingSetAside(original);

        assertEquals("it is another program's SQLite database, with tables contacts", setAside.reason());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + setAside.movedTo());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM contacts")) {
            count.next();
            assertEquals(2, count.getInt(1));
        }
    }

    @Test
    void aLibraryWithDamagedPagesIsDetectedAndKeptAside() throws Exception {
        try (Library library = Library.open(file())) {
            for (int i = 0; i < 200; i++) {
                library.pieces().save(Fixtures.draft("piece " + i, "line one of piece " + i + "\nline two\nline three"), null);
            }
        }
        long size = Files.size(file());
        assertTrue(size > 8 * 4096, "the library spans many pages");
        // Overwrite pages 3 to 6 (b-tree pages of the tables) with noise; the 100-byte header and schema page stay.
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.seek(2 * 4096);
            raw.write(randomBytes(4 * 4096));
        }
        byte[] damaged = Files.readAllBytes(file());

        SetAside setAside = openExpectingSetAside(damaged);

        assertTrue(setAside.reason().startsWith("SQLite's check found damage") || setAside.reason().startsWith("it is damaged"),
                setAside.reason());
    }

    @Test
    void aFileThatClaimsToBeALibraryButLacksItsTablesIsKeptAside() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA application_id = " + Migrations.APPLICATION_ID + "; PRAGMA user_version = 2;"
                    + " CREATE TABLE piece (id INTEGER PRIMARY KEY);");
        }

        SetAside setAside = openExpectingSetAside(Files.readAllBytes(file()));

        assertEquals("it lacks the tables generation, piece_fts, preset, tag, user_word, version", setAside.reason());
    }

    @Test
    void theWriteAheadLogIsMovedAsideWithItsDatabase() throws Exception {
        Files.write(file(), randomBytes(5000));
        Path wal = folder.resolve("library.db-wal");
        Files.writeString(wal, "log that belongs to the damaged file", StandardCharsets.UTF_8);

        SetAside setAside = openExpectingSetAside(null);

        Path movedWal = setAside.movedTo().resolveSibling(setAside.movedTo().getFileName() + "-wal");
        assertEquals("log that belongs to the damaged file", Files.readString(movedWal));
    }

    @Test
    void twoDamagedFilesInTheSameSecondAreKeptUnderDifferentNames() throws IOException {
        Files.write(file(), randomBytes(3000));
        SetAside first = openExpectingSetAside(null);
        Files.delete(file());
        Files.write(file(), "second bad file".getBytes(StandardCharsets.UTF_8));

        SetAside second = openExpectingSetAside("second bad file".getBytes(StandardCharsets.UTF_8));

        assertFalse(first.movedTo().equals(second.movedTo()));
        assertTrue(Files.exists(first.movedTo()));
        assertEquals(folder.resolve("library.db.corrupt-" + stamp(NOON) + "-2"), second.movedTo());
    }

    private static String stamp(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(instant.atZone(java.time.ZoneId.systemDefault()));
    }

    @Test
    void anEmptyFileBecomesANewLibraryWithoutBeingSetAside() throws IOException {
        Files.createFile(file());
        try (Library library = Library.open(file())) {
            assertTrue(library.setAside().isEmpty());
            assertEquals(Migrations.CURRENT_VERSION, library.schemaVersion());
        }
    }

    @Test
    void aMissingFolderIsCreatedAndAFolderInPlaceOfTheFileIsRefused() throws IOException {
        Path nested = folder.resolve("a/b/library.db");
        Library.open(nested).close();
        assertTrue(Files.isRegularFile(nested));

        Files.createDirectory(file());
        LibraryException refused = assertThrows(LibraryException.class, () -> Library.open(file()));
        assertEquals("The library path " + file() + " is a folder, not a file.", refused.getMessage());
    }
}
