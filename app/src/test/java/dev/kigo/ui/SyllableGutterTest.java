package dev.kigo.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import dev.kigo.ui.view.GutterMark;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;

import static dev.kigo.ui.StudioRunner.onFx;
import static dev.kigo.ui.StudioRunner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typing a poem with the real CMU dictionary and checker behind the gutter. */
class SyllableGutterTest {

    @TempDir
    Path configDir;

    private final StudioRunner runner = new StudioRunner();
    private final FxRobot robot = new FxRobot();
    private StudioApp app;

    @BeforeEach
    void start() throws Exception {
        app = runner.start(configDir, configDir);
        assertTrue(waitFor(15_000, () -> app.window().model().prosody().readyProperty().get()), "dictionary loads");
    }

    @AfterEach
    void stop() throws Exception {
        // Leave the mouse off the text: a pointer resting on the editor keeps firing hover events into the next test.
        robot.moveTo("#status-bar");
        runner.stop();
    }

    private StyleClassedTextArea area() {
        return app.window().editor().area();
    }

    private String gutter(int paragraph) throws Exception {
        return onFx(() -> ((GutterMark) area().getParagraphGraphic(paragraph)).getText());
    }

    private boolean flagged(int paragraph) throws Exception {
        return onFx(() -> area().getParagraphGraphic(paragraph).getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("broken")));
    }

    @Test
    void aLineTheModelLearnedIsUnderlinedInTheGutterAndSaysSoOnHover() throws Exception {
        robot.interact(() -> app.window().model().prosody().learnedLinesProperty()
                .set(dev.kigo.model.TrainingLines.of(java.util.List.of("a frog jumps into the pond", "splash"))));
        robot.clickOn("#poem-area").write("an old silent pond\nA frog jumps into the pond!\nsplash");
        PseudoClass seen = PseudoClass.getPseudoClass("seen");
        assertTrue(waitFor(3_000, () -> onFx(() -> area().getParagraphGraphic(1).getPseudoClassStates().contains(seen))),
                "the learned line is marked, whatever its case and punctuation");
        assertFalse(onFx(() -> area().getParagraphGraphic(0).getPseudoClassStates().contains(seen)), "a new line is not");
        assertFalse(onFx(() -> area().getParagraphGraphic(2).getPseudoClassStates().contains(seen)),
                "a one-word stock line is everyone's");
        robot.moveTo((javafx.scene.Node) onFx(() -> area().getParagraphGraphic(1)));
        assertTrue(waitFor(3_000, () -> onFx(() -> {
            GutterMark mark = (GutterMark) area().getParagraphGraphic(1);
            return mark.tooltip() != null && mark.tooltip().getText().startsWith("Seen in training");
        })), "the hover explains the mark");
    }

    @Test
    void theHintStripShowsTheSeasonCutAndRhymeOfTheStanzaAtTheCaret() throws Exception {
        robot.clickOn("#poem-area").write("harvest moon —\nthe farmer's shadow\nlonger than the field\n\non a summer night\na firefly's light\ndrifts out of sight");
        javafx.scene.control.Label season = robot.lookup("#craft-season").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label cut = robot.lookup("#craft-cut").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label rhyme = robot.lookup("#craft-rhyme").queryAs(javafx.scene.control.Label.class);
        assertTrue(waitFor(3_000, () -> onFx(season::getText).startsWith("summer")), () -> "season: " + season.getText());
        assertEquals("no cut marked", onFx(cut::getText));
        assertTrue(onFx(() -> rhyme.isVisible() && rhyme.getText().contains("night / light")), rhyme.getText());

        robot.interact(() -> area().moveTo(2));
        assertEquals("autumn · harvest moon", onFx(season::getText));
        assertEquals("cut · line 1: — (dash)", onFx(cut::getText));
        assertFalse(onFx(rhyme::isVisible), "no rhyme, no warning");
        assertTrue(onFx(area()::isEditable), "hints never block writing");
    }

    @Test
    void aHaikuOnOneLineGetsOneRowPerLineBesideItNeverOverItsWords() throws Exception {
        robot.clickOn("#poem-area").write("an old silent pond / a frog jumps into the pond / splash! the silence again");
        assertTrue(waitFor(3_000, () -> gutter(0).equals("5/5 ✓\n7/7 ✓\n6/5 ▲+1")), () -> "rows: " + safeGutter(0));
        double labelRight = onFx(() -> {
            GutterMark mark = (GutterMark) area().getParagraphGraphic(0);
            javafx.scene.Node label = mark.getChildrenUnmodifiable().get(0);
            return label.localToScreen(label.getBoundsInLocal()).getMaxX();
        });
        double wordsLeft = onFx(() -> area().getCharacterBoundsOnScreen(0, 1).orElseThrow().getMinX());
        assertTrue(labelRight <= wordsLeft, () -> "the label ends at " + labelRight + ", the words begin at " + wordsLeft);
    }

    @Test
    void typedHaikuShowsFiveSevenFiveAndASixSyllableLineIsFlagged() throws Exception {
        robot.clickOn("#poem-area").write("an old silent pond\na frog jumps into the pond\nsplash! the silence again");
        assertTrue(waitFor(3_000, () -> gutter(2).startsWith("6/5")), () -> "third line: " + safeGutter(2));
        assertEquals("5/5 ✓", gutter(0));
        assertEquals("7/7 ✓", gutter(1));
        assertEquals("6/5 ▲+1", gutter(2));
        assertFalse(flagged(0));
        assertFalse(flagged(1));
        assertTrue(flagged(2), "the long line is flagged by style as well as by its symbol");

        // Fixing the line clears the flag.
        robot.press(KeyCode.HOME).release(KeyCode.HOME);
        for (int i = 0; i < "splash! ".length(); i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        }
        for (int i = 0; i < "the ".length(); i++) {
            robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        }
        assertTrue(waitFor(3_000, () -> gutter(2).equals("5/5 ✓")), () -> "after the fix: " + safeGutter(2));
        assertFalse(flagged(2));
    }

    @Test
    void hoveringTheGutterExplainsEachWordAndItsSource() throws Exception {
        robot.clickOn("#poem-area").write("an old silent pond");
        assertTrue(waitFor(3_000, () -> gutter(0).equals("5/5 ✓")));
        GutterMark label = onFx(() -> (GutterMark) area().getParagraphGraphic(0));
        robot.moveTo(label);
        assertTrue(waitFor(2_000, () -> label.tooltip() != null));
        String tooltip = onFx(() -> label.tooltip().getText());
        assertTrue(tooltip.startsWith("Fits: 5 of 5 syllables."), tooltip);
        assertTrue(tooltip.contains("silent  2  dictionary"), tooltip);
    }

    @Test
    void tankaFormJudgesFiveLines() throws Exception {
        robot.interact(() -> app.window().model().formProperty().set(dev.kigo.ui.settings.FormChoice.TANKA));
        robot.clickOn("#poem-area").write("an old silent pond\na frog jumps into the pond\nsplash! silence again\nthe water");
        assertTrue(waitFor(3_000, () -> gutter(3).equals("3/7 ▼−4")), () -> safeGutter(3));
    }

    @Test
    void unknownWordIsUnderlinedAndCanBeAddedToTheUserDictionary() throws Exception {
        robot.clickOn("#poem-area").write("glimmerdusk over the pond");
        int start = 0;
        assertTrue(waitFor(3_000, () -> area().getStyleOfChar(start + 2).contains("estimated")),
                "an estimated word is underlined");
        assertTrue(gutter(0).startsWith("≈"), gutter(0));
        String before = gutter(0);

        Bounds word = onFx(() -> area().getCharacterBoundsOnScreen(2, 3).orElseThrow());
        // Monocle does not turn a right click into a context-menu request, so send the request the platform would.
        robot.interact(() -> {
            javafx.geometry.Point2D local = area().screenToLocal(word.getCenterX(), word.getCenterY());
            javafx.event.Event.fireEvent(area(), new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    word.getCenterX(), word.getCenterY(), false, null));
        });
        robot.clickOn("Add “glimmerdusk” to user dictionary…");
        javafx.scene.control.TextField answer = robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class);
        assertEquals("3", answer.getText(), "the dialog offers the estimate");
        robot.doubleClickOn(answer).write("7").press(KeyCode.ENTER).release(KeyCode.ENTER);

        // over(2) the(1) pond(1) + 7 = 11 syllables, now without an estimate.
        assertTrue(waitFor(3_000, () -> gutter(0).startsWith("11/5")), () -> "before " + before + ", after " + safeGutter(0));
        assertFalse(area().getStyleOfChar(2).contains("estimated"));
        assertEquals(7, app.window().model().library().orElseThrow().dictionary().find("glimmerdusk").orElseThrow().syllables(),
                "the word is kept in the library, shared with the command line");
    }

    private String safeGutter(int paragraph) {
        try {
            return gutter(paragraph);
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void shortcutSSavesTheStanzaAtTheCaretToTheLibraryWithItsVerdict() throws Exception {
        robot.clickOn("#poem-area").write("first try\n\nan old silent pond\na frog jumps into the pond\nsplash! silence again");
        assertTrue(waitFor(3_000, () -> gutter(4).equals("5/5 ✓")), () -> safeGutter(0) + "|" + safeGutter(2) + "|" + safeGutter(4));
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertTrue(waitFor(5_000, () -> app.window().library().noticeProperty().get().startsWith("Saved to the library")),
                () -> "banner: " + app.window().model().errorMessageProperty().get());
        var pieces = app.window().model().library().orElseThrow().pieces().search(dev.kigo.library.SearchQuery.all());
        assertEquals(1, pieces.size());
        var content = pieces.get(0).content();
        assertEquals("an old silent pond\na frog jumps into the pond\nsplash! silence again", content.text());
        assertEquals("haiku", content.form());
        assertTrue(content.formValid());
        assertTrue(content.verdictJson().contains("\"verdict\":\"ok\""), content.verdictJson());
    }
}
