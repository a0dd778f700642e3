package dev.kigo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.export.PdfText;
import dev.kigo.generate.FinishReason;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Library;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library commands as a user runs them, on a real library file in a --data-dir. */
class LibraryCommandTest {
    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private long pond;
    private long crows;

    @BeforeEach
    void fillLibraryAndCaptureOutput() {
        try (Library library = Library.open(dataDir.resolve("library.db"))) {
            GenerationRecord generation = new GenerationRecord("kigo-haiku-small", "ab12", "(frog pond =",
                    "keywords-to-haiku", SamplingSettings.defaults().withSeed(7), "CPU", "raw", List.of(1, 2, 3),
                    FinishReason.END_OF_FORMAT, 5, 3, 10, 20, -1.5, "");
            pond = library.pieces().save(new PieceDraft(new PieceContent("Old pond", "old pond —\na frog jumps in\nBashō's splash",
                    "haiku", "[]", true), "frog pond", true, List.of("classic")), generation).id();
            crows = library.pieces().save(new PieceDraft(PieceContent.of("", "crows at dusk\nthe moon", "free"), "", false,
                    List.of("night")), null).id();
            library.pieces().edit(crows, PieceContent.of("", "crows at dusk\nthe cold moon", "free"));
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int kigo(String... args) {
        return KigoCli.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsOnePieceALineNewestFirst() {
        assertEquals(0, kigo("library", "list", "--data-dir", dataDir.toString()));

        List<String> lines = stdout().lines().toList();
        assertEquals(3, lines.size(), stdout());
        assertTrue(lines.get(0).matches("\\s+" + crows + "  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  free   ✗    crows at dusk / the cold moon  #night"),
                lines.get(0));
        assertTrue(lines.get(1).contains("haiku  ✓ ★  Old pond: old pond — / a frog jumps in / Bashō's splash  #classic"),
                lines.get(1));
        assertEquals("(2 pieces)", lines.get(2));
    }

    @Test
    void searchWithJsonPrintsOneObjectPerPiece() throws Exception {
        assertEquals(0, kigo("library", "search", "--data-dir", dataDir.toString(), "--json", "jumping"));

        List<String> lines = stdout().lines().toList();
        assertEquals(1, lines.size(), stdout());
        JsonNode piece = new ObjectMapper().readTree(lines.get(0));
        assertEquals(pond, piece.get("id").asLong());
        assertEquals("old pond —\na frog jumps in\nBashō's splash", piece.get("text").asText());
        assertEquals("kigo-haiku-small", piece.get("model").asText());
        assertTrue(piece.get("favourite").asBoolean());
    }

    @Test
    void hostileSearchWordsAreSearchedNotParsed() {
        assertEquals(0, kigo("library", "search", "--data-dir", dataDir.toString(), "moon", "\"", "(", "dusk*", "-", "^"));
        assertTrue(stdout().contains("crows at dusk"), stdout());
    }

    @Test
    void searchWordsWithNothingToSearchForFindNothingAndExportNothing() {
        assertEquals(0, kigo("library", "search", "--data-dir", dataDir.toString(), "🐸"));
        assertEquals("(0 pieces)", stdout().strip());
        assertEquals("kigo: \"🐸\" has no words to search for, so nothing matches.",
                err.toString(StandardCharsets.UTF_8).strip());

        err.reset();
        Path file = dataDir.resolve("frog.txt");
        assertEquals(1, kigo("library", "export", "--data-dir", dataDir.toString(), "--format", "txt", "--out",
                file.toString(), "--query", "🐸"));
        assertEquals("kigo: \"🐸\" has no words to search for, so nothing was exported.",
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(file));
    }

    @Test
    void showGivesThePromptSettingsAndSeedToReproduce() throws Exception {
        assertEquals(0, kigo("library", "show", "--data-dir", dataDir.toString(), Long.toString(pond)));
        String text = stdout();
        assertTrue(text.contains("Prompt:    (frog pond =   [format keywords-to-haiku]"), text);
        assertTrue(text.contains("\"seed\":7"), text);

        out.reset();
        assertEquals(0, kigo("library", "show", "--data-dir", dataDir.toString(), "--json", Long.toString(crows)));
        JsonNode piece = new ObjectMapper().readTree(stdout());
        assertEquals(2, piece.get("versions").size());
        assertEquals("EDITED", piece.get("versions").get(1).get("kind").asText());
        assertTrue(piece.get("generation").isNull());
    }

    @Test
    void showGivesTheFormAGenerationWasKeptTo() throws Exception {
        long kept;
        try (Library library = Library.open(dataDir.resolve("library.db"))) {
            GenerationRecord generation = new GenerationRecord("kigo-haiku-small", "ab12", "(autumn moon =",
                    "keywords-to-haiku", SamplingSettings.defaults().withSeed(9), "CPU", "raw", List.of(1, 2),
                    FinishReason.END_OF_FORMAT, 5, 2, 10, 20, -1.5, "").withKeptForm("3-5-3");
            kept = library.pieces().save(new PieceDraft(PieceContent.of("", "autumn moon", "3-5-3"), "autumn moon",
                    false, List.of()), generation).id();
        }
        assertEquals(0, kigo("library", "show", "--data-dir", dataDir.toString(), Long.toString(kept)));
        assertTrue(stdout().contains("Kept form: 3-5-3 (reproduce with --form 3-5-3)"), stdout());

        out.reset();
        assertEquals(0, kigo("library", "show", "--data-dir", dataDir.toString(), Long.toString(pond)));
        assertTrue(stdout().contains("Kept form: no (free generation)"), stdout());

        out.reset();
        assertEquals(0, kigo("library", "show", "--data-dir", dataDir.toString(), "--json", Long.toString(kept)));
        assertEquals("3-5-3", new ObjectMapper().readTree(stdout()).get("generation").get("keptForm").asText());

        out.reset();
        assertEquals(0, kigo("library", "show", "--data-dir", dataDir.toString(), "--json", Long.toString(pond)));
        assertTrue(new ObjectMapper().readTree(stdout()).get("generation").get("keptForm").isNull());
    }

    @Test
    void exportWritesAPdfOfTheChosenPieces() throws Exception {
        Path pdf = dataDir.resolve("out.pdf");
        assertEquals(0, kigo("library", "export", "--data-dir", dataDir.toString(), "--format", "pdf", "--out",
                pdf.toString(), Long.toString(pond)));

        assertEquals("Exported 1 piece to " + pdf + ".", stdout().strip());
        assertEquals("Old pond old pond — a frog jumps in Bashō's splash",
                PdfText.read(pdf, 0, 0));
    }

    @Test
    void exportByQueryWritesMarkdown() throws Exception {
        Path markdown = dataDir.resolve("night.md");
        assertEquals(0, kigo("library", "export", "--data-dir", dataDir.toString(), "--format", "md", "--out",
                markdown.toString(), "--query", "tag:night"));

        assertEquals("crows at dusk\\\nthe cold moon\n", Files.readString(markdown));
    }

    @Test
    void problemsAreOneSentenceAndExitCodeOne() {
        assertEquals(1, kigo("library", "show", "--data-dir", dataDir.toString(), "99"));
        assertEquals("kigo: There is no piece 99 in the library.", err.toString(StandardCharsets.UTF_8).strip());

        err.reset();
        Path missing = dataDir.resolve("nowhere/out.txt");
        assertEquals(1, kigo("library", "export", "--data-dir", dataDir.toString(), "--format", "txt", "--out",
                missing.toString(), "--all"));
        assertEquals("kigo: The folder " + missing.getParent() + " does not exist.", err.toString(StandardCharsets.UTF_8).strip());

        err.reset();
        err.reset();
        assertEquals(1, kigo("library", "export", "--data-dir", dataDir.toString(), "--format", "txt", "--out", "x.txt"));
        assertEquals("kigo: Choose what to export: piece ids, --query WORDS or --all (one of them); "
                + "kigo library export --help lists the options.", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aDamagedLibraryIsSetAsideWithAWarning() throws Exception {
        Path file = dataDir.resolve("library.db");
        Files.delete(file);
        Files.writeString(file, "this is not a database");

        assertEquals(0, kigo("library", "list", "--data-dir", dataDir.toString()));

        String warning = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(warning.startsWith("kigo: warning: The library file " + file + " could not be used (it is not an SQLite database)"),
                warning);
        assertEquals("(0 pieces)", stdout().strip());
    }
}
