package dev.kigo.ui.stores;

import dev.kigo.library.Library;
import dev.kigo.library.LibraryException;
import dev.kigo.prosody.UserDictionary;

import java.io.IOException;

/** User words in the library (SQLite), shared with the command line. */
public final class LibraryUserWordStore implements UserWordStore {

    private final Library library;

    public LibraryUserWordStore(Library library) {
        this.library = library;
    }

    @Override
    public void loadInto(UserDictionary dictionary) throws IOException {
        try {
            library.dictionary().copyInto(dictionary);
        } catch (LibraryException | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void save(String word, int syllables, UserDictionary whole) throws IOException {
        try {
            library.dictionary().put(word, syllables, null);
        } catch (LibraryException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
