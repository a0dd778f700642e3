package dev.kigo.ui.view;

import dev.kigo.generate.TokenEvent;
import dev.kigo.ui.StudioApp;
import dev.kigo.ui.settings.StudioPaths;
import dev.kigo.ui.viewmodel.ShownToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's handling of streamed text, fed with token records as the engine reports them. */
class PoemEditorGeneratedTextTest {

    @TempDir
    Path dir;

    private StudioApp app;
    private PoemEditor editor;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (StudioApp) FxToolkit.setupApplication(() -> new StudioApp(new StudioPaths(dir, dir)));
        editor = app.window().editor();
        robot.interact(() -> editor.area().replaceText("an old pond\n"));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static ShownToken token(int index, String raw, String shown, float p, TokenEvent.Alternative... alternatives) {
        return new ShownToken(new TokenEvent(100 + index, raw, p, List.of(alternatives), index), shown);
    }

    private void stream() {
        robot.interact(() -> {
            editor.beginGeneration(editor.area().getLength());
            editor.appendTokens(List.of(token(0, " a", "a", 0.5f), token(1, " frog", " frog", 0.4f,
                    new TokenEvent.Alternative(101, " frog", 0.4f), new TokenEvent.Alternative(7, " crow", 0.2f))));
            editor.appendTokens(List.of(token(2, " leaps", " leaps", 0.3f)));
        });
    }

    @Test
    void streamedTokensAreAppendedInTheGeneratedStyleAndTheEditorIsReadOnly() {
        stream();
        assertEquals("an old pond\na frog leaps", editor.text());
        assertEquals(List.of("generated"), List.copyOf(editor.area().getStyleOfChar(14)));
        assertTrue(editor.area().getStyleOfChar(3).isEmpty());
        assertFalse(editor.area().isEditable());
        assertTrue(editor.pendingGeneratedProperty().get());
    }

    @Test
    void acceptingKeepsTheTextAndDropsTheMark() {
        stream();
        robot.interact(() -> {
            editor.endGeneration();
            editor.acceptGenerated();
        });
        assertEquals("an old pond\na frog leaps", editor.text());
        assertTrue(editor.area().getStyleOfChar(14).isEmpty());
        assertFalse(editor.pendingGeneratedProperty().get());
        assertTrue(editor.area().isEditable());
    }

    @Test
    void discardingRemovesOnlyTheGeneratedText() {
        stream();
        robot.interact(() -> {
            editor.endGeneration();
            editor.discardGenerated();
        });
        assertEquals("an old pond\n", editor.text());
    }

    @Test
    void eachTokenKnowsItsPlaceAndAlternatives() {
        stream();
        PoemEditor.TokenSpan frog = editor.tokenAt(14).orElseThrow();
        assertEquals(" frog", frog.token().textDelta());
        assertEquals(13, frog.start());
        assertEquals(18, frog.end());
        assertEquals(" crow", frog.token().alternatives().get(1).text());
    }

    @Test
    void cuttingBeforeATokenKeepsEverythingBeforeIt() {
        stream();
        robot.interact(() -> editor.truncateGeneratedBefore(editor.tokenAt(14).orElseThrow()));
        assertEquals("an old pond\na", editor.text());
        assertEquals(1, editor.tokenSpans().size());
    }

    @Test
    void typingAfterARunAcceptsThePendingText() {
        stream();
        robot.interact(editor::endGeneration);
        robot.clickOn("#poem-area").write("!");
        assertFalse(editor.pendingGeneratedProperty().get());
        assertTrue(editor.text().startsWith("an old pond\na frog leaps"));
    }

    @Test
    void hoverCardListsTheOtherTokensAndContinuesFromTheChosenOne() {
        stream();
        PoemEditor.TokenSpan[] chosenSpan = new PoemEditor.TokenSpan[1];
        TokenEvent.Alternative[] chosen = new TokenEvent.Alternative[1];
        robot.interact(() -> {
            editor.setOnContinueFromAlternative((span, alternative) -> {
                chosenSpan[0] = span;
                chosen[0] = alternative;
            });
            editor.showAlternatives(editor.tokenAt(14).orElseThrow());
        });
        robot.clickOn(robot.lookup(".alternative-button").queryButton());
        assertEquals(" crow", chosen[0].text());
        assertEquals(13, chosenSpan[0].start());
    }
}
