package dev.kigo.prosody;

/** How a line measures against its form. */
public enum Verdict {
    /** Some reading of the line has exactly the target syllables. */
    OK,
    /** Every reading has fewer syllables than the target. */
    SHORT,
    /** Every reading has more syllables than the target. */
    LONG,
    /** A line after the form's last line. */
    EXTRA,
    /** Free verse: counted, not judged. */
    UNCHECKED,
    /** An empty line (or only punctuation): not counted against the form. */
    BLANK
}
