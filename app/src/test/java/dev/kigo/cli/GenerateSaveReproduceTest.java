package dev.kigo.cli;

import dev.kigo.generate.Generator;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.Reproduction;
import dev.kigo.library.SearchQuery;
import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kigo generate --save` stores pieces with what made them; a stored generation regenerates the same text. */
class GenerateSaveReproduceTest {

    @Test
    void savedGenerationReproducesTheSameTextWithTheSameModelAndSeed(@TempDir Path dataDir) throws Exception {
        Path bundle = Fixtures.bundle();
        generateTwoAndSave(bundle, dataDir, "--keywords", "dog rain", "--seed", "11", "--temperature", "1.2",
                "--top-p", "0.9", "--max-tokens", "24");

        try (Library library = Library.open(dataDir.resolve(Library.FILE_NAME));
             LanguageModel model = LanguageModel.load(bundle)) {
            List<Piece> pieces = library.pieces().search(SearchQuery.all());
            assertEquals(2, pieces.size());
            for (Piece piece : pieces) {
                Reproduction stored = library.pieces().reproduction(piece.id()).orElseThrow();
                assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(java.nio.file.Files.readAllBytes(LanguageModel.graphFile(bundle)))), stored.modelHash());
                assertEquals("dog rain", piece.keywords());
                assertEquals(1.2, stored.settings().temperature());
                assertFalse(piece.content().verdictJson().equals("[]") && !piece.content().text().isBlank(),
                        "a haiku is stored with its per-line verdict");
                GenerationResult again = new Generator(model).generate(new GenerationRequest(
                        PromptFormat.fromId(stored.promptFormat()), piece.keywords(), stored.settings()));
                assertEquals(stored.prompt(), again.prompt());
                assertEquals(piece.content().text(), again.text(), "seed " + stored.settings().seed());
            }
            assertTrue(pieces.stream().map(p -> p.content().text()).distinct().count() == 2,
                    "seeds 11 and 12 give different pieces");
        }
    }

    @Test
    void aPieceKeptToTheFormIsStoredWithItsFormAndReproducesWithTheFormKeptAgain(@TempDir Path dataDir)
            throws Exception {
        Path bundle = Fixtures.bundle();
        generateTwoAndSave(bundle, dataDir, "--keywords", "autumn moon", "--form", "5-7-5", "--seed", "5",
                "--temperature", "1.1", "--max-tokens", "40");

        try (Library library = Library.open(dataDir.resolve(Library.FILE_NAME));
             LanguageModel model = LanguageModel.load(bundle)) {
            SyllableConstraint keepForm = SyllableConstraint.create(model, Prosody.loadDefault());
            List<Piece> pieces = library.pieces().search(SearchQuery.all());
            assertEquals(2, pieces.size());
            for (Piece piece : pieces) {
                Reproduction stored = library.pieces().reproduction(piece.id()).orElseThrow();
                assertEquals("5-7-5", stored.keptForm());
                assertTrue(stored.keepsForm());
                GenerationRequest request = new GenerationRequest(PromptFormat.fromId(stored.promptFormat()),
                        piece.keywords(), stored.settings());
                GenerationResult again = new Generator(model).generate(
                        keepForm.constrain(request, Form.parse(stored.keptForm())));
                assertEquals(stored.prompt(), again.prompt());
                assertEquals(piece.content().text(), again.text(), "seed " + stored.settings().seed());
                assertEquals(library.pieces().generation(piece.generationId().getAsLong()).orElseThrow()
                        .record().tokenIds(), again.tokenIds());
            }
        }

        // A piece generated free records no form, so it is reproduced free.
        Path freeDir = dataDir.resolve("free");
        assertEquals(0, KigoCli.run(new String[] {"generate", "--model", bundle.toString(), "--keywords", "autumn moon",
                        "--seed", "5", "--max-tokens", "24", "--save", "--data-dir", freeDir.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true)));
        try (Library library = Library.open(freeDir.resolve(Library.FILE_NAME))) {
            Piece piece = library.pieces().search(SearchQuery.all()).get(0);
            assertNull(library.pieces().reproduction(piece.id()).orElseThrow().keptForm());
        }
    }

    @Test
    void aStreamedContinuationIsSavedWhenSaveIsAsked(@TempDir Path dataDir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KigoCli.run(new String[] {"generate", "--model", Fixtures.bundle().toString(), "--prompt",
                        "(old pond =", "--seed", "3", "--max-tokens", "12", "--save", "--data-dir", dataDir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("saved as piece"), err.toString());
        try (Library library = Library.open(dataDir.resolve(Library.FILE_NAME));
             LanguageModel model = LanguageModel.load(Fixtures.bundle())) {
            List<Piece> pieces = library.pieces().search(SearchQuery.all());
            assertEquals(1, pieces.size());
            Reproduction stored = library.pieces().reproduction(pieces.get(0).id()).orElseThrow();
            assertEquals(PromptFormat.PLAIN.id(), stored.promptFormat());
            GenerationResult again = new Generator(model).generate(
                    new GenerationRequest(PromptFormat.PLAIN, "(old pond =", stored.settings()));
            assertEquals(again.text(), pieces.get(0).content().text());
        }
    }

    @Test
    void aBatchThatFailsHalfWayIsPrintedAndNoneOfItIsSaved(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve(Library.FILE_NAME);
        Library.open(file).close();
        // The fifth piece fails as a full disk would: after four were written in the same run.
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER fifth_piece_fails BEFORE INSERT ON piece "
                    + "WHEN (SELECT count(*) FROM piece) >= 4 BEGIN SELECT RAISE(ABORT, 'no room for a fifth'); END");
        }
        String[] batch = {"generate", "--model", Fixtures.bundle().toString(), "--keywords", "dog rain", "--n", "8",
                "--seed", "21", "--max-tokens", "16"};
        StringWriter printed = new StringWriter();
        assertEquals(0, KigoCli.run(batch, new PrintWriter(printed, true), new PrintWriter(new StringWriter(), true)));

        List<String> withSave = new java.util.ArrayList<>(List.of(batch));
        withSave.addAll(List.of("--save", "--data-dir", dataDir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KigoCli.run(withSave.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(1, code, err.toString());
        assertEquals(printed.toString(), out.toString(), "the eight pieces are printed before saving");
        assertEquals("kigo: Could not save the 8 pieces (none of them was saved): no room for a fifth.",
                err.toString().strip());
        try (Library library = Library.open(file)) {
            assertEquals(0, library.pieces().count(SearchQuery.all()));
        }
    }

    /** Runs `kigo generate --n 2 ... --save` on the fixture into {@code dataDir} and checks both pieces were saved. */
    private static void generateTwoAndSave(Path bundle, Path dataDir, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--model", bundle.toString(), "--n", "2"));
        args.addAll(List.of(options));
        args.addAll(List.of("--save", "--data-dir", dataDir.toString()));
        StringWriter err = new StringWriter();
        int code = KigoCli.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("saved as pieces"), err.toString());
    }
}
