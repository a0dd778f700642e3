package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Articles, prepositions, conjunctions and auxiliaries: words a line of verse rarely ends on, because the phrase they
 * open or lean on goes on after them ("i will fall in the", "she tells me to be"). For measuring where generated
 * lines break. Particles that often close a phrase ("look up", "far away", "lights out") are left out, and so are
 * pronouns and determiners other than articles.
 */
public final class FunctionWords {
    private FunctionWords() { }

    private static final Set<String> WORDS = Set.of(
            // articles
            "a", "an", "the",
            // prepositions
            "of", "to", "for", "with", "from", "into", "onto", "upon", "at", "by", "in", "on", "under", "beneath",
            "between", "among", "against", "toward", "towards", "through", "across", "during", "until", "till",
            "without", "within", "beside", "besides", "behind", "beyond", "despite", "like", "unto", "amid", "amongst",
            "via", "than",
            // conjunctions
            "and", "but", "or", "nor", "yet", "if", "because", "while", "though", "although", "unless", "whether",
            "as", "so", "that", "whereas", "since", "when", "where", "whose", "which",
            // auxiliaries and the contractions that end on one
            "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did",
            "will", "would", "shall", "should", "can", "could", "may", "might", "must", "i'm", "you're", "we're",
            "they're", "he's", "she's", "it's", "i'll", "you'll", "we'll", "they'll", "he'll", "she'll", "it'll",
            "i've", "you've", "we've", "they've", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "don't",
            "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't");

    /** Whether {@code word} (any case, straight or curly apostrophe) is one of these words. */
    public static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    }

    /** Whether the line's last word is one of these words; false for a line without words. */
    public static boolean endsOn(String line) {
        List<String> words = words(line);
        return !words.isEmpty() && contains(words.get(words.size() - 1));
    }

    /**
     * The words of a line as these measures read them: runs of letters, digits and apostrophes, so that punctuation
     * glued between words ("kite—how") parts them; apostrophes at either end are dropped, inner ones kept.
     */
    public static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String run : line.replace('\u2019', '\'').split("[^\\p{L}\\p{N}']+")) {
            String word = run.replaceAll("^'+", "");
            if (word.chars().anyMatch(Character::isLetterOrDigit)) {
                words.add(word.endsWith("'") && !word.endsWith("s'") ? word.replaceAll("'+$", "") : word);
            }
        }
        return words;
    }
}
