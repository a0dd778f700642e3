package dev.kigo.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hebrew and Arabic in an exported PDF, read back as a reader's tools read it (pdftotext): the words come back in
 * reading order, Arabic letters joined (their contextual forms, which NFKC folds back to the letters typed), and no
 * character is reported as unprintable.
 */
class RightToLeftPdfTest {
    @TempDir
    Path folder;

    private String exportAndReadBack(ExportItem item) throws Exception {
        Path pdf = Files.createTempFile(folder, "poem", ".pdf");
        Files.delete(pdf);
        ExportResult result = Exporter.export(List.of(item), ExportFormat.PDF, pdf, ExportOptions.defaults());
        assertEquals(List.of(), result.replacedCharacters(), "every letter has a glyph");
        return PdfText.read(pdf, 0, 0);
    }

    /** Each line of the item is found, whole and in reading order, in the PDF's text. */
    private void assertEachLineReadsBack(ExportItem item) throws Exception {
        String text = Normalizer.normalize(exportAndReadBack(item), Normalizer.Form.NFKC);
        for (String line : (item.title() + "\n" + item.text()).strip().split("\n")) {
            assertTrue(text.contains(line), () -> "\"" + line + "\" in " + text);
        }
    }

    @Test
    void hebrewComesBackInReadingOrder() throws Exception {
        assertEachLineReadsBack(new ExportItem("בריכה ישנה", "צפרדע קופצת\nקול המים"));
    }

    @Test
    void arabicComesBackJoinedAndInReadingOrder() throws Exception {
        ExportItem pond = new ExportItem("بركة قديمة", "ضفدع يقفز\nصوت الماء لا يهدأ");
        assertEachLineReadsBack(pond);
        String drawn = exportAndReadBack(pond);
        // ضفدع begins with dad joined to what follows (its initial form); لا is one ligature
        assertTrue(drawn.contains("\uFEBF") && drawn.contains("\uFEFB"), () -> "joined forms in " + drawn);
    }

    @Test
    void aLatinLineWithAHebrewWordKeepsItsOwnOrder() throws Exception {
        String text = exportAndReadBack(new ExportItem("", "old pond (בריכה) at dusk"));
        assertTrue(text.contains("old pond"), text);
        assertTrue(text.contains("בריכה"), text);
        assertTrue(text.indexOf("old pond") < text.indexOf("at dusk"), text);
    }
}
