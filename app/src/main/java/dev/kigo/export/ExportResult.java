package dev.kigo.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param file                where
 * @param pieces              how many pieces
 * @param replacedCharacters  characters (or emoji sequences) the embedded fonts cannot draw, shown in the PDF as
 *                            {@value PdfGlyphs#SUBSTITUTE_TEXT}; empty for text and Markdown, which keep every character
 */
public record ExportResult(Path file, int pieces, List<String> replacedCharacters) {
    public ExportResult {
        replacedCharacters = List.copyOf(replacedCharacters);
    }

    /** "Exported 3 pieces to /home/u/haiku.pdf." */
    public String summary() {
        return "Exported " + pieces + (pieces == 1 ? " piece" : " pieces") + " to " + file + ".";
    }

    /** The sentence about characters drawn as boxes, or empty when every character was drawn. */
    public String replacedNote() {
        if (replacedCharacters.isEmpty()) {
            return "";
        }
        boolean one = replacedCharacters.size() == 1;
        return "The PDF fonts cannot draw " + String.join(" ", replacedCharacters)
                + (one ? ", so it is" : ", so they are") + " shown as \u25A1.";
    }
}
