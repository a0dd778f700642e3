package dev.kigo.ui.viewmodel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserMessagesTest {

    @Test
    void fileErrorsSayWhatHappenedNotJustThePath() {
        assertEquals("Permission denied for /home/poet/.config/kigo/studio.json.",
                UserMessages.describe(new AccessDeniedException("/home/poet/.config/kigo/studio.json")));
        assertEquals("There is no /tmp/gone/draft.txt (was its folder moved or deleted?).",
                UserMessages.describe(new CompletionException(new NoSuchFileException("/tmp/gone/draft.txt"))));
    }

    @Test
    void aRealUnreadableFileIsDescribedAsNotText(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("draft.txt");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9});
        IOException failure = assertThrows(IOException.class, () -> Files.readString(file));
        assertEquals("The file is not UTF-8 text.", UserMessages.describe(failure));
        assertEquals("The file is not UTF-8 text.", UserMessages.describe(new MalformedInputException(1)));
    }

    @Test
    void otherFailuresGiveTheirFirstLineAsASentence() {
        assertEquals("The model folder is empty.",
                UserMessages.describe(new IllegalStateException("The model folder is empty\nat line 2")));
    }
}
