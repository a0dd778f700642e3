package dev.kigo.ui;

import dev.kigo.generate.WholeWords;
import dev.kigo.library.Piece;
import dev.kigo.library.PieceStore;
import dev.kigo.library.SearchQuery;
import dev.kigo.library.SortOrder;
import dev.kigo.library.Version;
import dev.kigo.library.VersionKind;
import dev.kigo.ui.settings.FormChoice;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.StudioState;
import dev.kigo.ui.view.PoemEditor;
import dev.kigo.ui.viewmodel.SamplingField;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.List;

import static dev.kigo.ui.StudioRunner.onFx;
import static dev.kigo.ui.StudioRunner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writing flow in the real window with the fixture model: a saved stanza keeps the generation that wrote it
 * however the poet got there, a hand-written one is the poet's alone, and saving the same stanza again adds a
 * version to its piece.
 */
class WritingFlowTest {

    @TempDir
    Path configDir;

    private final StudioRunner runner = new StudioRunner();
    private final FxRobot robot = new FxRobot();
    private StudioApp app;

    @BeforeEach
    void start() throws Exception {
        StudioState d = StudioState.defaults();
        app = runner.start(configDir, new StudioState(d.window(), d.theme(), d.fontSize(),
                d.sampling().withSeed(77).withMaxTokens(40), "", FormChoice.HAIKU, "5-7-5",
                GenerationMode.FROM_KEYWORDS, "kingfisher, dusk", GenerationTest.FIXTURE.toString(), false));
        assertTrue(waitFor(30_000, () -> app.window().session().readyProperty().get()));
        robot.interact(() -> app.window().model().sampling().seedLockedProperty().set(true));
    }

    @AfterEach
    void stop() throws Exception {
        runner.stop();
    }

    private PoemEditor editor() {
        return app.window().editor();
    }

    private PieceStore pieces() {
        return app.window().model().library().orElseThrow().pieces();
    }

    private List<Piece> saved() {
        return pieces().search(SearchQuery.all().sortedBy(SortOrder.NEWEST));
    }

    /** Generates with {@code seed} (locked) and accepts the text, as a poet would with Shortcut+Shift+A. */
    private void generateAndAccept(int seed) throws Exception {
        robot.interact(() -> app.window().model().sampling().text(SamplingField.SEED).set(Integer.toString(seed)));
        int before = onFx(() -> editor().text().length());
        robot.interact(() -> app.window().commands().generate());
        assertTrue(waitFor(30_000, () -> !app.window().generation().runningProperty().get()
                && editor().text().length() > before));
        robot.interact(() -> app.window().commands().accept());
    }

    private void saveWithShortcut(String expectedNotice) throws Exception {
        robot.clickOn("#poem-area");
        robot.interact(() -> editor().area().moveTo(caret));
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertTrue(waitFor(10_000, () -> app.window().library().noticeProperty().get().startsWith(expectedNotice)),
                () -> "notice: " + app.window().library().noticeProperty().get() + " / error: "
                        + app.window().model().errorMessageProperty().get());
    }

    private int caret;

    @Test
    void aStanzaSavedAfterLaterRunsOrAnAlternativeKeepsItsGenerationAndAHandWrittenOneHasNoKeywords() throws Exception {
        generateAndAccept(77);
        String first = onFx(() -> editor().text().strip());
        generateAndAccept(78);

        // Back in the first stanza, after a later run: still the model's, with its seed and the keywords it was given.
        caret = 1;
        saveWithShortcut("Saved to the library as piece");
        assertTrue(app.window().library().noticeProperty().get().contains("written by the model (seed 77)"),
                app.window().library().noticeProperty().get());
        Piece piece = saved().get(0);
        assertEquals(first, piece.text());
        assertEquals(77, pieces().reproduction(piece.id()).orElseThrow().settings().seed(), "Reproduce can use it");
        assertEquals("kingfisher, dusk", piece.keywords());

        // A new stanza from an alternative the poet picked: saved with the run that wrote it.
        robot.interact(() -> app.window().model().sampling().text(SamplingField.SEED).set("79"));
        robot.interact(() -> app.window().commands().generate());
        assertTrue(waitFor(30_000, () -> !app.window().generation().runningProperty().get()
                && editor().tokenSpans().size() > 2));
        PoemEditor.TokenSpan second = onFx(() -> editor().tokenSpans().get(1));
        robot.interact(() -> editor().showAlternatives(second));
        assertTrue(waitFor(30_000, () -> robot.lookup(".alternative-button").tryQuery().isPresent()));
        Button pick = onFx(() -> robot.lookup(".alternative-button").queryAllAs(Button.class).iterator().next());
        WholeWords.WordAlternative chosen = (WholeWords.WordAlternative) pick.getUserData();
        robot.clickOn(pick);
        assertTrue(waitFor(30_000, () -> !app.window().generation().runningProperty().get()
                && app.window().generation().lastResultProperty().get().prompt().endsWith(chosen.alternative().text()
                + chosen.completion())));
        robot.interact(() -> app.window().commands().accept());
        caret = onFx(() -> editor().text().length());
        saveWithShortcut("Saved to the library as piece");
        Piece fromAlternative = saved().get(0);
        assertTrue(pieces().reproduction(fromAlternative.id()).isPresent(), "not stored as written by hand");
        assertEquals(79, pieces().reproduction(fromAlternative.id()).orElseThrow().settings().seed());

        // Typed by hand with keywords in the panel: no generation, no keywords.
        robot.interact(() -> editor().area().appendText("\n\nan old silent pond\na frog jumps into the pond\nsplash! silence again"));
        caret = onFx(() -> editor().text().length());
        saveWithShortcut("Saved to the library as piece");
        assertTrue(app.window().library().noticeProperty().get().endsWith("written by hand."));
        Piece byHand = saved().get(0);
        assertEquals("", byHand.keywords());
        assertTrue(pieces().reproduction(byHand.id()).isEmpty());
        assertEquals(3, saved().size());
    }

    @Test
    void savingTheSameStanzaAgainMakesANewVersionOfItsPieceAndSaysSo() throws Exception {
        generateAndAccept(77);
        String generated = onFx(() -> editor().text().strip());
        caret = onFx(() -> editor().text().length());
        saveWithShortcut("Saved to the library as piece");
        long id = saved().get(0).id();

        saveWithShortcut("Piece " + id + " already holds this stanza");

        // The poet changes the stanza: the same piece, a new version, still the model's generation.
        robot.interact(() -> editor().area().insertText(0, "dusk "));
        caret = onFx(() -> editor().text().length());
        saveWithShortcut("Saved as a new version of piece " + id + " (version 2).");
        assertEquals(1, saved().size(), "no second piece");
        List<Version> versions = pieces().versions(id);
        assertEquals(List.of(VersionKind.GENERATED, VersionKind.EDITED), versions.stream().map(Version::kind).toList());
        assertEquals(generated, versions.get(0).content().text());
        assertEquals("dusk " + generated, versions.get(1).content().text());
        assertEquals(77, pieces().reproduction(id).orElseThrow().settings().seed());
        assertTrue(onFx(() -> app.window().statusBar().notice().getText()).startsWith("Saved as a new version of piece " + id),
                "the status line says it");

        // A new poem after it is a new piece.
        generateAndAccept(78);
        caret = onFx(() -> editor().text().length());
        saveWithShortcut("Saved to the library as piece");
        assertEquals(2, saved().size());
    }
}
