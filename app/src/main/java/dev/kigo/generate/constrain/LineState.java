package dev.kigo.generate.constrain;

/**
 * Where a constrained row stands: which line it is on, the syllable counts the finished words of that line can add
 * up to, and the word still being written. Mutable and cheap to copy, so a candidate token can be tried on a copy.
 */
final class LineState {
    /** What the text ends with, for the spacing rules. */
    static final byte START = 0;
    static final byte SPACE = 1;
    static final byte SEPARATOR = 2;
    static final byte PUNCTUATION = 3;
    static final byte LETTER = 4;

    /** Index of the current line in the form. */
    int line;
    /** Bit s set: the finished words of this line can add up to s syllables (a word with two readings forks). */
    long sums = 1L;
    /** The word in progress, lowercase with straight apostrophes; empty between words. */
    String word = "";
    /** The word in progress has letters and all are capitals (two or more would make the checker spell it out). */
    boolean wordInCapitals;
    /** The fewest syllables the word in progress will add (see {@link WordMeasure#fewestToFinish}). */
    int wordFewest;
    byte previous = START;
    /** The piece's closing bracket has been written. */
    boolean finished;
    /** Tokens in a row without a letter or a line break (spaces, punctuation). */
    int punctuationRun;
    /** The text ends with a mark after which a word needs a space first ({@link FormAutomaton#STOPS}). */
    boolean afterStop;
    /** The last finished word, and how many times in a row it was written (a third time is refused). */
    String lastWord = "";
    int lastWordRepeats;

    LineState copy() {
        LineState copy = new LineState();
        copy.copyFrom(this);
        return copy;
    }

    void copyFrom(LineState other) {
        line = other.line;
        sums = other.sums;
        word = other.word;
        wordInCapitals = other.wordInCapitals;
        wordFewest = other.wordFewest;
        previous = other.previous;
        finished = other.finished;
        punctuationRun = other.punctuationRun;
        afterStop = other.afterStop;
        lastWord = other.lastWord;
        lastWordRepeats = other.lastWordRepeats;
    }

    /** The fewest syllables the finished words of this line add up to. */
    int fewestSums() {
        return Long.numberOfTrailingZeros(sums);
    }

    @Override
    public String toString() {
        return "line " + (line + 1) + ", sums " + Long.toBinaryString(sums) + ", word '" + word + "' (>= "
                + wordFewest + "), previous " + previous + (finished ? ", finished" : "");
    }
}
