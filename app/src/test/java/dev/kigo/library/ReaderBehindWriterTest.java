package dev.kigo.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In WAL mode a reader reads the last commit while another connection writes: opening the library, listing and
 * counting must not wait for a save in progress (another window, a `generate --n 64 --save`).
 */
class ReaderBehindWriterTest {
    @TempDir
    Path folder;

    @Test
    void aReaderOpensAndReadsAtOnceWhileAnotherConnectionHoldsAWriteTransaction() throws Exception {
        Path file = folder.resolve("library.db");
        try (Library library = Library.open(file)) {
            library.pieces().save(new PieceDraft(PieceContent.of("", "old pond", "free"), "", false, List.of()), null);
        }
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO user_word (word, syllables, phonemes, updated_at) VALUES ('held', 1, NULL, 0)");

            long start = System.nanoTime();
            try (Library reader = Library.open(file)) {
                assertEquals(1, reader.pieces().count(SearchQuery.all()));
                assertEquals(1, reader.pieces().search(SearchQuery.words("pond")).size());
                assertTrue(reader.dictionary().find("held").isEmpty(), "the uncommitted word is not seen");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2_000, "the reader waited " + millis + " ms behind the writer");
            statement.execute("COMMIT");
        }
        try (Library after = Library.open(file)) {
            assertTrue(after.dictionary().find("held").isPresent());
        }
    }
}
