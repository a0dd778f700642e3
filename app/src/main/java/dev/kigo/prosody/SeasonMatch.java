package dev.kigo.prosody;

/**
 * A season word found in a poem.
 *
 * @param word  the saijiki entry it matched
 * @param line  the index of the line it is in (as in {@link LineResult#index()})
 * @param start offset of its first character in that line
 * @param end   offset after its last character in that line
 * @param text  the words as written ("Cherry blossoms")
 */
public record SeasonMatch(SeasonWord word, int line, int start, int end, String text) {

    public Season season() {
        return word.season();
    }
}
