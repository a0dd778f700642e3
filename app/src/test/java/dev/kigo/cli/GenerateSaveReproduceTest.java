package dev.kigo.cli;

import dev.kigo.generate.Generator;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.constrain.GenerationGoals;
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

    @Test
    void aPieceMadeWithOtherGoalsReproducesToTheSameTextAndOnlyWithThem(@TempDir Path dataDir) throws Exception {
        String model = Fixtures.bundle().toString();
        List<List<String>> made = List.of(
                List.of("--keywords", "autumn moon", "--form", "5-7-5", "--no-lookahead"),
                List.of("--keywords", "autumn moon", "--form", "5-7-5", "--allow-coinages"),
                List.of("--keywords", "autumn moon", "--allow-copies"),
                List.of("--keywords", "autumn moon", "--season", "winter", "--season-bonus", "9"),
                List.of("--first-line", "an old silent pond", "--form", "5-7-5"),
                List.of("--first-line", "why", "--form", "1-1-1", "--avoid-rhyme"));
        for (int i = 0; i < made.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("generate", "--model", model, "--seed", "" + (30 + i),
                    "--max-tokens", "120", "--save", "--data-dir", dataDir.toString()));
            args.addAll(made.get(i));
            CliRun generated = CliRun.kigo(args.toArray(String[]::new));
            assertEquals(0, generated.exitCode(), generated.err());
            long id = i + 1;
            CliRun again = CliRun.kigo("library", "reproduce", "--model", model, "--data-dir", dataDir.toString(), "" + id);
            assertEquals(0, again.exitCode(), made.get(i) + ": " + again.err());
            assertEquals(generated.out(), again.out(), made.get(i).toString());
        }
        try (Library library = Library.open(dataDir.resolve(Library.FILE_NAME));
             LanguageModel loaded = LanguageModel.load(Fixtures.bundle())) {
            GenerationGoals tokenByToken = library.pieces().reproduction(1).orElseThrow().goals();
            assertEquals(1, tokenByToken.lineCandidates());
            assertTrue(library.pieces().reproduction(2).orElseThrow().goals().allowCoinages());
            assertTrue(library.pieces().reproduction(3).orElseThrow().goals().allowCopies());
            GenerationGoals season = library.pieces().reproduction(4).orElseThrow().goals();
            assertEquals(dev.kigo.prosody.Season.WINTER, season.season());
            assertEquals(9f, season.seasonBonus());
            assertEquals(GenerationGoals.defaults().withLineCandidates(8), library.pieces().reproduction(5).orElseThrow().goals());
            assertTrue(library.pieces().reproduction(6).orElseThrow().goals().avoidRhyme());

            // Without its goals, a piece written token by token comes out another way.
            SyllableConstraint keepForm = SyllableConstraint.create(loaded, Prosody.loadDefault());
            Generator generator = new Generator(loaded);
            for (long id : new long[] {1}) {
                Reproduction stored = library.pieces().reproduction(id).orElseThrow();
                Reproduction withoutGoals = new Reproduction(stored.modelName(), stored.modelHash(), stored.prompt(),
                        stored.promptFormat(), stored.settings(), stored.keptForm(), GenerationGoals.defaults());
                GenerationRequest plain = withoutGoals.request(loaded, keepForm);
                assertFalse(library.pieces().get(id).content().text().equals(plain.piece(generator.generate(plain))),
                        "piece " + id + " depends on its goals");
            }
        }
    }

    @Test
    void aPieceStoredBeforeGoalsWereKeptReadsWithKigosDefaults(@TempDir Path dataDir) throws Exception {
        generateTwoAndSave(Fixtures.bundle(), dataDir, "--keywords", "dog rain", "--seed", "3", "--max-tokens", "12",
                "--allow-copies");
        Path file = dataDir.resolve(Library.FILE_NAME);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("UPDATE generation SET settings_json = json_remove(settings_json, '$.goals') WHERE id = 1");
        }
        try (Library library = Library.open(file)) {
            assertEquals(GenerationGoals.defaults(), library.pieces().reproduction(1).orElseThrow().goals());
            assertTrue(library.pieces().reproduction(2).orElseThrow().goals().allowCopies());
            assertEquals(3, library.pieces().reproduction(1).orElseThrow().settings().seed());
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
