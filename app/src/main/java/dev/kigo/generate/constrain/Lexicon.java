package dev.kigo.generate.constrain;

import dev.kigo.prosody.PronouncingDictionary;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.SyllablePrefixIndex;
import dev.kigo.prosody.UserDictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The spellings that count as words when the form is kept without coinages: a word of the pronouncing dictionary,
 * a word of the poet's own dictionary, or a plural or possessive of one (dog: dogs, dog's, dogs'; box: boxes; berry:
 * berries; James: James'). Plural endings follow the spelling rules (no "boxs", "skys" or "berrys"), so a suffix
 * cannot turn a dictionary word into a made-up one. Numbers need nothing here: kept text never holds digits.
 *
 * <p>Words are lowercase with straight apostrophes, as {@link LineState} spells them. The dictionary's prefix index
 * answers most prefix questions; the few spellings only an ending makes (a prefix such as "blossom'") are tried
 * against the endings, at most four characters back. Thread-safe.
 */
final class Lexicon {
    /** Every ending a word may take; the longest is four characters, so a prefix looks at most four back. */
    private static final String[] ENDINGS = {"s", "es", "ies", "'s", "'", "s'", "es'", "ies'"};
    private static final int LONGEST_ENDING = 4;

    private final PronouncingDictionary dictionary;
    private final SyllablePrefixIndex index;
    private final UserDictionary user;
    private volatile UserWords userWords;

    /** The poet's words, sorted, as they stood at one change of the user dictionary. */
    private record UserWords(long change, String[] sorted) { }

    Lexicon(Prosody prosody) {
        this.dictionary = prosody.dictionary();
        this.index = dictionary.prefixIndex();
        this.user = prosody.counter().userDictionary();
        this.userWords = snapshot();
    }

    /** Whether a finished word may stand in kept text. */
    boolean isWord(String word) {
        return isBase(word) || isPlural(word) || isPossessive(word);
    }

    /** Whether some word of {@link #isWord} starts with {@code prefix} (the prefix itself included). */
    boolean isPrefix(String prefix) {
        if (index.hasCompletion(prefix) || userHasCompletion(prefix)) {
            return true;
        }
        return !inflectedFrom(prefix, true).isEmpty();
    }

    /**
     * The words made by an ending (not the dictionary's own words) that start with {@code prefix}, where the prefix
     * already reaches into the ending ("dog'" gives "dog's"): the words {@link WordMeasure} counts for such a prefix.
     */
    List<String> inflectedFrom(String prefix) {
        return inflectedFrom(prefix, false);
    }

    private List<String> inflectedFrom(String prefix, boolean firstOnly) {
        List<String> found = new ArrayList<>(2);
        for (int back = 1; back <= Math.min(LONGEST_ENDING, prefix.length() - 1); back++) {
            String stem = prefix.substring(0, prefix.length() - back);
            String typed = prefix.substring(prefix.length() - back);
            for (String ending : ENDINGS) {
                if (ending.startsWith(typed)) {
                    String word = stem + ending;
                    if ((isPlural(word) || isPossessive(word)) && !found.contains(word)) {
                        found.add(word);
                        if (firstOnly) {
                            return found;
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The poet's words that start with {@code prefix}. */
    List<String> userWordsFrom(String prefix) {
        String[] sorted = userWords().sorted();
        List<String> found = new ArrayList<>(1);
        for (int i = lowerBound(sorted, prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) {
            found.add(sorted[i]);
        }
        return found;
    }

    private boolean isBase(String word) {
        return dictionary.contains(word) || !user.isEmpty() && user.lookup(word).isPresent();
    }

    /** dogs, boxes, heroes (and photos), berries: an ending the base's spelling allows, so no "boxs" or "skys". */
    private boolean isPlural(String word) {
        int n = word.length();
        if (n > 3 && word.endsWith("ies")) {
            String base = word.substring(0, n - 3) + "y";
            if (consonantBeforeY(base) && isBase(base)) {
                return true;
            }
        }
        if (n > 2 && word.endsWith("es")) {
            String base = word.substring(0, n - 2);
            if ((sibilant(base) || base.endsWith("o")) && isBase(base)) {
                return true;
            }
        }
        if (n > 1 && word.endsWith("s")) {
            String base = word.substring(0, n - 1);
            return !sibilant(base) && !consonantBeforeY(base) && !base.endsWith("'") && isBase(base);
        }
        return false;
    }

    /** dog's, dogs', boxes', James'. */
    private boolean isPossessive(String word) {
        int n = word.length();
        if (n > 2 && word.endsWith("'s")) {
            return word.charAt(n - 3) != '\'' && isBase(word.substring(0, n - 2));
        }
        if (n > 2 && word.endsWith("s'")) {
            String owner = word.substring(0, n - 1);
            return isBase(owner) || isPlural(owner);
        }
        return false;
    }

    private static boolean sibilant(String base) {
        return base.endsWith("s") || base.endsWith("x") || base.endsWith("z") || base.endsWith("ch")
                || base.endsWith("sh");
    }

    private static boolean consonantBeforeY(String base) {
        int n = base.length();
        return n >= 2 && base.charAt(n - 1) == 'y' && "aeiouy'".indexOf(base.charAt(n - 2)) < 0;
    }

    private boolean userHasCompletion(String prefix) {
        String[] sorted = userWords().sorted();
        int at = lowerBound(sorted, prefix);
        return at < sorted.length && sorted[at].startsWith(prefix);
    }

    private UserWords userWords() {
        UserWords current = userWords;
        if (current.change() != user.changeCount()) {
            current = snapshot();
            userWords = current;
        }
        return current;
    }

    private UserWords snapshot() {
        long change = user.changeCount();
        String[] words = user.entries().stream().map(entry -> entry.word().toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')).sorted().toArray(String[]::new);
        return new UserWords(change, words);
    }

    private static int lowerBound(String[] sorted, String key) {
        int at = Arrays.binarySearch(sorted, key);
        return at >= 0 ? at : -at - 1;
    }
}
