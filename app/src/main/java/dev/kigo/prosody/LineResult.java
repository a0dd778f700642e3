package dev.kigo.prosody;

import java.util.List;
import java.util.OptionalInt;

/**
 * One line of a checked poem.
 *
 * @param index     the line's number in the text, from 0 (blank lines included)
 * @param start     offset of the line in the whole text
 * @param end       offset after the line in the whole text (separator excluded)
 * @param text      the line as written
 * @param words     its words with offsets relative to the line
 * @param range     fewest and most syllables over all readings
 * @param syllables the syllables of the chosen reading: the target when some reading hits it, else the
 *                  reading closest to it (free verse: the preferred reading)
 * @param target    the form's syllables for this line; empty for free verse, blank and extra lines
 * @param verdict   how the line measures against the target
 */
public record LineResult(int index, int start, int end, String text, List<WordResult> words, SyllableRange range,
                         int syllables, OptionalInt target, Verdict verdict) {

    public LineResult {
        words = List.copyOf(words);
    }

    /**
     * The line's count against its target, as the gutter and the command line show it: "5/5 ✓"; "6/5 ▲+1";
     * "4/5 ▼−1"; "3 ✗ extra"; free verse: just the count; empty for a blank line. "≈" marks estimated words.
     */
    public String mark() {
        String approx = hasEstimates() ? "≈" : "";
        return switch (verdict) {
            case OK -> approx + syllables + "/" + target.getAsInt() + " ✓";
            case LONG -> approx + syllables + "/" + target.getAsInt() + " ▲+" + (syllables - target.getAsInt());
            case SHORT -> approx + syllables + "/" + target.getAsInt() + " ▼−" + (target.getAsInt() - syllables);
            case EXTRA -> approx + syllables + " ✗ extra";
            case UNCHECKED -> approx + syllables;
            case BLANK -> "";
        };
    }

    /** Whether the line's count depends on which pronunciation is read (fire: 1 or 2). */
    public boolean isAmbiguous() {
        return !range.isExact();
    }

    /** Whether any word's count is only an estimate. */
    public boolean hasEstimates() {
        return words.stream().anyMatch(WordResult::isEstimate);
    }
}
