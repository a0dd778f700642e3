package dev.kigo.generate.constrain;

import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.SyllableCounter;
import dev.kigo.prosody.SyllablePrefixIndex;
import dev.kigo.prosody.SyllableRange;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The syllable questions the constraint asks about words and word prefixes, answered by the same counter the poem
 * checker uses (so a finished word counts exactly as the checker will count it) and the dictionary's prefix index.
 * Thread-safe; answers for whole words are cached because the same words come back in every poem.
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
    private final ConcurrentHashMap<String, Long> readingsCache = new ConcurrentHashMap<>();

    WordMeasure(Prosody prosody) {
        this.counter = prosody.counter();
        this.index = prosody.dictionary().prefixIndex();
    }

    SyllablePrefixIndex index() {
        return index;
    }

    /**
     * The syllable counts a finished word can have, as bits (bit r: r syllables). Readings of 0 (hmm, shh) are
     * dropped so that every word moves the line on, and apostrophes alone are no word: 0 means the word can never
     * be used (so an opening quote mark must be followed by letters).
     */
    long readings(String word) {
        Long cached = readingsCache.get(word);
        if (cached != null) {
            return cached;
        }
        long bits = 0;
        if (hasLetter(word)) {
            List<Integer> readings = counter.count(word).readings();
            for (int r : readings) {
                if (r >= 1 && r <= MAX_LINE_SYLLABLES) {
                    bits |= 1L << r;
                }
            }
        }
        if (readingsCache.size() > CACHE_LIMIT) {
            readingsCache.clear();
        }
        readingsCache.put(word, bits);
        return bits;
    }

    /**
     * The fewest syllables a word that starts with {@code prefix} can end up with: from the dictionary words with
     * that prefix, or, when no dictionary word starts so, the counter's estimate of the prefix as a finished word
     * (so an unknown word is only begun or extended while it would fit if it ended there, and only up to
     * {@link #MAX_UNKNOWN_WORD} characters).
     */
    int fewestToFinish(String prefix) {
        Optional<SyllableRange> completions = index.completions(prefix);
        if (completions.isPresent()) {
            return fewest(completions.get());
        }
        if (prefix.length() > MAX_UNKNOWN_WORD) {
            return NEVER;
        }
        long readings = readings(prefix);
        return readings == 0 ? NEVER : Long.numberOfTrailingZeros(readings);
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
