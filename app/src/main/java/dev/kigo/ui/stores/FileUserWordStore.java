package dev.kigo.ui.stores;

import dev.kigo.prosody.UserDictionary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** User words in a text file (prosody's {@code word syllables [PHONES]} format), written atomically. */
public final class FileUserWordStore implements UserWordStore {

    private final Path file;

    public FileUserWordStore(Path file) {
        this.file = file;
    }

    @Override
    public void loadInto(UserDictionary dictionary) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try {
            UserDictionary.load(file).entries().forEach(dictionary::put);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void save(String word, int syllables, UserDictionary whole) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".user-dictionary", ".tmp");
        try {
            whole.save(temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
