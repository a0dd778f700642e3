package dev.kigo.cli;

import dev.kigo.library.Library;
import dev.kigo.library.LibraryException;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data folder this user may not write to (a read-only mount, a backup, another user's library): reading needs no
 * write access. The folder is made truly read-only: by permissions, or, for root (whom permissions do not stop), by
 * the file system's immutable flag.
 */
class ReadOnlyLibraryTest {
    @TempDir
    Path dataDir;
    private final List<Path> immutable = new ArrayList<>();

    @BeforeEach
    void fillLibraryThenMakeItsFolderReadOnly() throws Exception {
        try (Library library = Library.open(dataDir.resolve("library.db"))) {
            library.pieces().save(new PieceDraft(PieceContent.of("", "old pond —\na frog jumps in", "free"), "", false,
                    List.of("classic")), null);
            library.dictionary().put("glimmerwick", 3, null);
        }
        Files.setPosixFilePermissions(dataDir.resolve("library.db"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(dataDir)) {
            for (Path path : List.of(dataDir.resolve("library.db"), dataDir)) {
                Process chattr = new ProcessBuilder("chattr", "+i", path.toString()).inheritIO().start();
                Assumptions.assumeTrue(chattr.waitFor() == 0, "cannot make a folder read-only here");
                immutable.add(path);
            }
        }
        assertFalse(Files.isWritable(dataDir) || Files.isWritable(dataDir.resolve("library.db")));
    }

    @AfterEach
    void makeItWritableAgain() throws Exception {
        for (Path path : immutable) {
            new ProcessBuilder("chattr", "-i", path.toString()).inheritIO().start().waitFor();
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dataDir.resolve("library.db"), PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void listAndSearchReadAReadOnlyLibrary() {
        CliRun list = CliRun.kigo("library", "list", "--data-dir", dataDir.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("old pond — / a frog jumps in"), list.out());
        CliRun search = CliRun.kigo("library", "search", "frog", "--data-dir", dataDir.toString());
        assertEquals(0, search.exitCode(), search.err());
        assertTrue(search.out().contains("(1 piece)"), search.out());
    }

    @Test
    void countUsesTheWordsTaughtInAReadOnlyLibrary() {
        CliRun count = CliRun.kigo("count", "--data-dir", dataDir.toString(), "glimmerwick");
        assertEquals(0, count.exitCode(), count.err());
        assertTrue(count.out().contains("glimmerwick(3*)"), count.out());
    }

    @Test
    void aSaveIntoAReadOnlyLibraryIsRefusedInOneSentenceAndNothingIsCreatedBeside() throws IOException {
        try (Library library = Library.open(dataDir.resolve("library.db"))) {
            LibraryException e = assertThrows(LibraryException.class, () -> library.pieces().save(
                    new PieceDraft(PieceContent.of("", "crows at dusk", "free"), "", false, List.of()), null));
            assertEquals("Could not save the piece: the library file is read-only or not ours to write.",
                    e.getMessage());
            assertEquals(1, library.pieces().count(dev.kigo.library.SearchQuery.all()));
        }
        try (var files = Files.list(dataDir)) {
            assertEquals(List.of(dataDir.resolve("library.db")), files.toList());
        }
    }
}
