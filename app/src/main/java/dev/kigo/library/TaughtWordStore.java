package dev.kigo.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Words the poet taught the syllable counter (the prosody module asks here before its own dictionary).
 * Words are matched without regard to case.
 */
public final class TaughtWordStore {
    static final int MAX_SYLLABLES = 30;
    private static final Pattern ARPABET = Pattern.compile("[A-Z]{1,3}[0-2]?( [A-Z]{1,3}[0-2]?)*");

    private final Database database;

    TaughtWordStore(Database database) {
        this.database = database;
    }

    /**
     * Adds or replaces a word.
     *
     * @param phonemes ARPAbet phonemes separated by spaces ("D R AE1 G AH0 N F L AY2"), or null; when they
     *                 carry stress digits, their vowels must number the syllables
     */
    public UserWord put(String word, int syllables, String phonemes) {
        String clean = checkWord(word);
        String cleanPhonemes = checkPhonemes(phonemes, syllables);
        if (syllables < 1 || syllables > MAX_SYLLABLES) {
            throw new IllegalArgumentException(
                    "A word has between 1 and " + MAX_SYLLABLES + " syllables, not " + syllables + ".");
        }
        database.update("Could not add \"" + clean + "\" to the dictionary", """
                INSERT INTO user_word (word, syllables, phonemes, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (word) DO UPDATE SET word = excluded.word, syllables = excluded.syllables,
                                                 phonemes = excluded.phonemes, updated_at = excluded.updated_at""",
                clean, syllables, cleanPhonemes, database.now());
        return find(clean).orElseThrow();
    }

    public Optional<UserWord> find(String word) {
        return database.first("Could not look up \"" + word + "\"", "SELECT * FROM user_word WHERE word = ?",
                TaughtWordStore::word, strip(word));
    }

    /** Every word, alphabetically. */
    /** Adds every word here to the syllable counter's overrides (the studio and {@code kigo count} both read them). */
    public void copyInto(dev.kigo.prosody.UserDictionary overrides) {
        for (UserWord word : all()) {
            if (word.phonemes().isPresent()) {
                overrides.put(word.word(), word.phonemes().get());
            } else {
                overrides.put(word.word(), word.syllables());
            }
        }
    }

    public List<UserWord> all() {
        return database.list("Could not read the dictionary", "SELECT * FROM user_word ORDER BY word",
                TaughtWordStore::word);
    }

    /** Returns whether the word was there. */
    public boolean remove(String word) {
        return database.update("Could not remove \"" + word + "\" from the dictionary",
                "DELETE FROM user_word WHERE word = ?", strip(word)) > 0;
    }

    private static String strip(String word) {
        return word == null ? "" : word.strip();
    }

    private static String checkWord(String word) {
        String clean = word == null ? "" : word.strip();
        if (clean.isEmpty() || clean.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A dictionary entry is one word without spaces, not \"" + word + "\".");
        }
        return clean;
    }

    private static String checkPhonemes(String phonemes, int syllables) {
        if (phonemes == null || phonemes.isBlank()) {
            return null;
        }
        String clean = phonemes.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!ARPABET.matcher(clean).matches()) {
            throw new IllegalArgumentException(
                    "Phonemes are ARPAbet symbols separated by spaces, like \"D R AE1 G AH0 N\", not \"" + phonemes + "\".");
        }
        long vowels = clean.chars().filter(Character::isDigit).count();
        if (vowels > 0 && vowels != syllables) {
            throw new IllegalArgumentException("The phonemes have " + vowels + " stressed vowels but the word was given "
                    + syllables + " syllables.");
        }
        return clean;
    }

    private static UserWord word(ResultSet row) throws SQLException {
        return new UserWord(row.getString("word"), row.getInt("syllables"),
                Optional.ofNullable(row.getString("phonemes")), Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
