package dev.kigo.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DraftStoreTest {

    @TempDir
    Path dir;

    @Test
    void draftRoundTripsUnicodeText() throws IOException {
        DraftStore store = new DraftStore(dir.resolve("nested/draft.txt"));
        String poem = "an old silent pond —\nBashō's frog jumps in 🐸\nsplash! silence again";
        store.save(poem);
        assertEquals(poem, store.load().orElseThrow());
    }

    @Test
    void noDraftMeansEmpty() throws IOException {
        assertTrue(new DraftStore(dir.resolve("draft.txt")).load().isEmpty());
    }

    @Test
    void savingLeavesNoTemporaryFilesBehind() throws IOException {
        DraftStore store = new DraftStore(dir.resolve("draft.txt"));
        store.save("one");
        store.save("two");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertEquals("two", store.load().orElseThrow());
    }

    @Test
    void anUnreadableDraftIsSetAsideWithItsBytesSoAutosaveCannotOverwriteIt() throws IOException {
        Path file = dir.resolve("draft.txt");
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, '\n'}; // "café" written by another editor in Latin-1
        Files.write(file, latin1);
        DraftStore store = new DraftStore(file);
        assertThrows(IOException.class, store::load);
        Path aside = store.setAside();
        assertTrue(aside.getFileName().toString().startsWith("draft.txt.broken-"), aside.toString());
        assertArrayEquals(latin1, Files.readAllBytes(aside));
        store.save("a new poem");
        assertArrayEquals(latin1, Files.readAllBytes(aside), "the next autosave leaves it alone");
    }
}
