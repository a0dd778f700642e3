package dev.kigo.prosody;

/** Where a word's syllable count came from, strongest first. */
public enum Source {
    /** The poet's own dictionary of overrides. */
    USER,
    /**
     * The CMU dictionary: the word itself, or every part of it after splitting off possessives and
     * contractions, hyphens and spelled-out numbers.
     */
    DICTIONARY,
    /** Spelling rules, affixes or a compound split: a guess the editor underlines. */
    ESTIMATE;

    /** The less certain of two sources, for a word made of several parts. */
    public Source weakest(Source other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
