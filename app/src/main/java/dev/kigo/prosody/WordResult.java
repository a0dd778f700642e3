package dev.kigo.prosody;

/**
 * One word of a checked line.
 *
 * @param text    the word as written
 * @param start   offset of its first character in the line
 * @param end     offset after its last character in the line
 * @param count   its possible syllable counts, source and derivation
 * @param chosen  the syllables this word takes in the line's chosen reading (the one that hits the target
 *                if any does)
 */
public record WordResult(String text, int start, int end, WordCount count, int chosen) {

    public Source source() {
        return count.source();
    }

    public SyllableRange range() {
        return count.range();
    }

    /** Whether the editor should underline it: the count is only an estimate. */
    public boolean isEstimate() {
        return count.source() == Source.ESTIMATE;
    }
}
