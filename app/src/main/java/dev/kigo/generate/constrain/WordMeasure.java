package dev.kigo.generate.constrain;

import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.SyllableCounter;
import dev.kigo.prosody.SyllablePrefixIndex;
import dev.kigo.prosody.SyllableRange;
import dev.kigo.prosody.UserDictionary;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The syllable questions the constraint asks about words and word prefixes, answered by the same counter the poem
 * checker uses (so a finished word counts exactly as the checker will count it) and the dictionary's prefix index.
 * Thread-safe; answers for whole words are cached because the same words come back in every poem, and the cache is
 * dropped whenever the poet teaches the user dictionary a word (the checker counts the new way at once).
 */
final class WordMeasure {
    /** A syllable count no line can hold: the word or prefix can never be used. */
    static final int NEVER = 127;
    /** Lines are tracked as bit sets of reachable counts in a long. */
    static final int MAX_LINE_SYLLABLES = 62;
    /** Longest word the dictionary does not know that may be written (keeps random text from growing one word). */
    static final int MAX_UNKNOWN_WORD = 16;
    private static final int CACHE_LIMIT = 200_000;

    private final SyllableCounter counter;
    private final SyllablePrefixIndex index;
    private final UserDictionary userWords;
    private final Lexicon lexicon;
    private final boolean coinages;
    private volatile ReadingsCache readingsCache;

    /** Readings worked out while the user dictionary stood at {@code userWordsChange}. */
    private record ReadingsCache(long userWordsChange, ConcurrentHashMap<String, Long> readings) {
        ReadingsCache(long userWordsChange) {
            this(userWordsChange, new ConcurrentHashMap<>());
        }
    }

    /** Answers for real words only: see {@link Lexicon}. */
    WordMeasure(Prosody prosody) {
        this(prosody, false);
    }

    /**
     * {@code coinages}: a word the dictionaries lack may also be written, counted by the estimator (the poet's
     * choice); otherwise only the words of the {@link Lexicon}.
     */
    WordMeasure(Prosody prosody, boolean coinages) {
        this.counter = prosody.counter();
        this.index = prosody.dictionary().prefixIndex();
        this.userWords = prosody.counter().userDictionary();
        this.lexicon = new Lexicon(prosody);
        this.coinages = coinages;
        this.readingsCache = new ReadingsCache(userWords.changeCount());
    }

    boolean allowsCoinages() {
        return coinages;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** Whether some word that may be written starts with {@code prefix}: where the token walk may go on. */
    boolean hasCompletion(String prefix) {
        return lexicon.isPrefix(prefix);
    }

    /** The user dictionary's change count: tables built on these answers rebuild when it moves on. */
    long userWordsChange() {
        return userWords.changeCount();
    }

    /**
     * The syllable counts a finished word can have, as bits (bit r: r syllables). Readings of 0 (hmm, shh) are
     * dropped so that every word moves the line on, and apostrophes alone are no word: 0 means the word can never
     * be used (so an opening quote mark must be followed by letters).
     */
    long readings(String word) {
        ReadingsCache cache = currentCache();
        Long cached = cache.readings().get(word);
        if (cached != null) {
            return cached;
        }
        long bits = 0;
        if (hasLetter(word) && (coinages || lexicon.isWord(word))) {
            List<Integer> readings = counter.count(word).readings();
            for (int r : readings) {
                if (r >= 1 && r <= MAX_LINE_SYLLABLES) {
                    bits |= 1L << r;
                }
            }
        }
        if (cache.readings().size() > CACHE_LIMIT) {
            cache.readings().clear();
        }
        cache.readings().put(word, bits);
        return bits;
    }

    /** The cache for the user dictionary as it stands; a fresh one if a word was taught since the last. */
    private ReadingsCache currentCache() {
        ReadingsCache cache = readingsCache;
        long change = userWords.changeCount();
        if (cache.userWordsChange() < change) {
            // Counted before the change, so a reading stored late into the old cache is simply dropped with it.
            cache = new ReadingsCache(change);
            readingsCache = cache;
        }
        return cache;
    }

    /**
     * The fewest syllables a word that starts with {@code prefix} can end up with: from the dictionary words with
     * that prefix and the poet's own count of the prefix as a whole word, or, when neither knows it, from the
     * plurals, possessives and poet's words it may still become. With coinages, a prefix none of these know is
     * counted by the counter's estimate of it as a finished word (so an unknown word is only begun or extended while
     * it would fit if it ended there, and only up to {@link #MAX_UNKNOWN_WORD} characters); without, it is NEVER.
     */
    int fewestToFinish(String prefix) {
        int taught = taughtSyllables(prefix);
        Optional<SyllableRange> completions = index.completions(prefix);
        if (completions.isPresent()) {
            // The dictionary's own reading of the word stays in the range: fewer is safe, the word end counts right.
            return Math.min(fewest(completions.get()), taught);
        }
        int fewest = taught;
        for (String word : lexicon.inflectedFrom(prefix)) {
            fewest = Math.min(fewest, fewestReading(word));
        }
        for (String word : lexicon.userWordsFrom(prefix)) {
            fewest = Math.min(fewest, taughtSyllables(word));
        }
        if (fewest != NEVER || !coinages) {
            return fewest;
        }
        if (prefix.length() > MAX_UNKNOWN_WORD) {
            return NEVER;
        }
        long readings = readings(prefix);
        return readings == 0 ? NEVER : Long.numberOfTrailingZeros(readings);
    }

    private int fewestReading(String word) {
        long readings = readings(word);
        return readings == 0 ? NEVER : Long.numberOfTrailingZeros(readings);
    }

    /** The poet's count for {@code word} as a whole word; NEVER when there is none (or it is 0, never a word). */
    private int taughtSyllables(String word) {
        if (userWords.isEmpty() || !hasLetter(word)) {
            return NEVER;
        }
        return userWords.lookup(word).map(UserDictionary.Entry::syllables)
                .filter(syllables -> syllables >= 1 && syllables <= MAX_LINE_SYLLABLES).orElse(NEVER);
    }

    /** The fewest syllables of a dictionary range, ignoring 0-syllable words; NEVER if there are only those. */
    static int fewest(SyllableRange completions) {
        return completions.max() == 0 ? NEVER : Math.min(NEVER, Math.max(1, completions.min()));
    }

    static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\'') {
                return true;
            }
        }
        return false;
    }
}
