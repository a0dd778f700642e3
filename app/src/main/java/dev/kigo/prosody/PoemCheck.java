package dev.kigo.prosody;

import java.util.List;

/**
 * A poem measured against a form.
 *
 * @param form         the form
 * @param lines        every line of the text, blank ones included, in order
 * @param missingLines how many lines the form still expects after the last written one
 * @param craft        season words, cuts and rhymes: hints that never change whether the poem fits
 */
public record PoemCheck(Form form, List<LineResult> lines, int missingLines, CraftCheck craft) {

    public PoemCheck {
        lines = List.copyOf(lines);
    }

    /** True when every line the form asks for is there and OK, and there are no extra lines. */
    public boolean fits() {
        if (missingLines > 0) {
            return false;
        }
        for (LineResult line : lines) {
            if (line.verdict() != Verdict.OK && line.verdict() != Verdict.BLANK && line.verdict() != Verdict.UNCHECKED) {
                return false;
            }
        }
        return true;
    }

    /** The non-blank lines, the ones measured against the form. */
    public List<LineResult> writtenLines() {
        return lines.stream().filter(line -> line.verdict() != Verdict.BLANK).toList();
    }
}
