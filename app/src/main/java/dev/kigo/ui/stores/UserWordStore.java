package dev.kigo.ui.stores;

import dev.kigo.prosody.UserDictionary;

import java.io.IOException;

/** Where the words the poet taught the syllable counter are kept: the library, or a file when it is unavailable. */
public interface UserWordStore {

    /** Adds every stored word to {@code dictionary}. */
    void loadInto(UserDictionary dictionary) throws IOException;

    /** Keeps one word; {@code whole} is the dictionary after the change, for stores that rewrite everything. */
    void save(String word, int syllables, UserDictionary whole) throws IOException;
}
