package dev.kigo.prosody;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers, for a word prefix, the fewest and most syllables any word that starts with it can have.
 * Words are sorted, so the words with a prefix form one contiguous run; sparse tables give the minimum
 * and maximum over any run in constant time. Immutable.
 */
public final class SyllablePrefixIndex {

    private final String[] words;
    private final byte[][] minTable;
    private final byte[][] maxTable;

    private SyllablePrefixIndex(String[] words, byte[][] minTable, byte[][] maxTable) {
        this.words = words;
        this.minTable = minTable;
        this.maxTable = maxTable;
    }

    /** Builds the index over a word to syllable-range map (for example dictionary plus user words). */
    public static SyllablePrefixIndex of(Map<String, SyllableRange> ranges) {
        return of(ranges.keySet().toArray(new String[0]), ranges::get);
    }

    /** Builds the index over words (in any order; nearly sorted input sorts in linear time) and their ranges. */
    public static SyllablePrefixIndex of(String[] unsortedWords, Function<String, SyllableRange> rangeOf) {
        String[] words = unsortedWords.clone();
        Arrays.sort(words);
        int n = words.length;
        int levels = n == 0 ? 1 : 32 - Integer.numberOfLeadingZeros(n);
        byte[][] min = new byte[levels][];
        byte[][] max = new byte[levels][];
        min[0] = new byte[n];
        max[0] = new byte[n];
        for (int i = 0; i < n; i++) {
            SyllableRange range = rangeOf.apply(words[i]);
            min[0][i] = (byte) Math.min(range.min(), 127);
            max[0][i] = (byte) Math.min(range.max(), 127);
        }
        for (int level = 1; level < levels; level++) {
            int span = 1 << level;
            int half = span >> 1;
            int count = n - span + 1;
            min[level] = new byte[Math.max(count, 0)];
            max[level] = new byte[Math.max(count, 0)];
            for (int i = 0; i < count; i++) {
                min[level][i] = (byte) Math.min(min[level - 1][i], min[level - 1][i + half]);
                max[level][i] = (byte) Math.max(max[level - 1][i], max[level - 1][i + half]);
            }
        }
        return new SyllablePrefixIndex(words, min, max);
    }

    /**
     * The range over all words that start with {@code prefix} (the word itself included), or empty if
     * no word does. The empty prefix covers every word.
     */
    public Optional<SyllableRange> completions(String prefix) {
        int from = lowerBound(prefix);
        int to = lowerBound(prefix + Character.MAX_VALUE);
        if (from >= to) {
            return Optional.empty();
        }
        int level = 31 - Integer.numberOfLeadingZeros(to - from);
        int second = to - (1 << level);
        int min = Math.min(minTable[level][from], minTable[level][second]);
        int max = Math.max(maxTable[level][from], maxTable[level][second]);
        return Optional.of(new SyllableRange(min, max));
    }

    /** Whether some word starts with {@code prefix}. */
    public boolean hasCompletion(String prefix) {
        int at = lowerBound(prefix);
        return at < words.length && words[at].startsWith(prefix);
    }

    public int size() {
        return words.length;
    }

    private int lowerBound(String key) {
        int low = 0;
        int high = words.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (words[mid].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
