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
}
