package dev.kigo.ui;

import dev.kigo.generate.GenerationResult;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.ui.settings.FormChoice;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.StudioState;
import dev.kigo.ui.viewmodel.GenerationRun;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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

/** "Keep to the form" in the studio, with the random-weight fixture model and the real syllable dictionary. */
class KeepFormTest {

    @TempDir
    Path configDir;

    private final StudioRunner runner = new StudioRunner();
    private final FxRobot robot = new FxRobot();
    private StudioApp app;

    @BeforeEach
    void start() throws Exception {
        // The fixture tokenizes byte by byte, so a kept 3-5-3 of its random words needs far more than 60 tokens.
        StudioState d = StudioState.defaults();
        app = runner.start(configDir, new StudioState(d.window(), d.theme(), d.fontSize(),
                d.sampling().withSeed(42).withMaxTokens(240), "", FormChoice.CUSTOM, "3-5-3",
                GenerationMode.FROM_KEYWORDS, "autumn moon", GenerationTest.FIXTURE.toString(), true));
        assertTrue(waitFor(30_000, () -> generation().keepFormAvailableProperty().get()),
                () -> "keep-to-form becomes available: " + generation().keepFormHintProperty().get());
    }

    @AfterEach
    void stop() throws Exception {
        runner.stop();
    }

    private GenerationRun generation() {
        return app.window().generation();
    }

    @Test
    void aKeptGenerationScansToTheFormAndTheSwitchIsRemembered() throws Exception {
        assertTrue(onFx(() -> robot.lookup("#keep-to-form").query().isDisabled()) == false);
        assertTrue(onFx(() -> app.window().model().keepFormProperty().get()), "restored from the settings");
        robot.clickOn("#poem-area");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        assertTrue(waitFor(60_000, () -> generation().lastResultProperty().get() != null && !generation().runningProperty().get()),
                () -> "finishes: " + app.window().model().errorMessageProperty().get());
        assertEquals("", onFx(() -> app.window().model().errorMessageProperty().get()));
        GenerationResult result = onFx(() -> generation().lastResultProperty().get());
        String poem = onFx(() -> app.window().editor().text()).strip();
        Form form = Form.parse("3-5-3");
        PoemCheck check = app.window().model().prosody().prosody().orElseThrow().check(poem, form);
        System.out.printf("kept to 3-5-3: %s | note: %s | finish: %s%n", poem.replace("\n", " / "), result.note(), result.finishReason());
        if (result.note().isEmpty()) {
            assertTrue(check.fits(), () -> "the poem keeps 3-5-3: " + poem + " " + check);
            assertEquals(3, poem.lines().count(), poem);
        } else {
            // A back-off is said, in the panel and in the status bar.
            assertEquals(result.note(), onFx(() -> robot.lookup("#generation-note").queryAs(Label.class).getText()));
            assertTrue(onFx(() -> robot.lookup("#generation-note").query().isVisible()));
            assertEquals(result.note(), onFx(() -> robot.lookup("#status-notice").queryAs(Label.class).getText()));
        }
        // Same seed again (locked, or Generate would draw a new one): the same poem (the constraint is deterministic).
        robot.interact(() -> {
            app.window().model().sampling().seedLockedProperty().set(true);
            app.window().editor().area().clear();
        });
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        assertTrue(waitFor(60_000, () -> generation().lastResultProperty().get() != result && !generation().runningProperty().get()));
        assertEquals(poem, onFx(() -> app.window().editor().text()).strip());
        // What the studio saves records the form kept, so "Reproduce" can keep it again.
        assertEquals("3-5-3", onFx(() -> generation().recordFor(poem).orElseThrow().keptForm()));

        // The switch off, the same seed: the model writes freely, so the switch is what made the difference.
        GenerationResult kept = onFx(() -> generation().lastResultProperty().get());
        robot.interact(() -> {
            app.window().model().keepFormProperty().set(false);
            app.window().editor().area().clear();
        });
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        assertTrue(waitFor(60_000, () -> generation().lastResultProperty().get() != kept && !generation().runningProperty().get()));
        assertFalse(onFx(() -> app.window().editor().text()).strip().equals(poem));
    }

    @Test
    void freeVerseDisablesTheSwitchAndSaysWhy() throws Exception {
        robot.interact(() -> app.window().model().formProperty().set(FormChoice.FREE));
        Node toggle = robot.lookup("#keep-to-form").query();
        assertTrue(onFx(toggle::isDisabled));
        assertFalse(onFx(() -> generation().keepFormAvailableProperty().get()));
        assertTrue(onFx(() -> robot.lookup("#keep-to-form-hint").queryAs(Label.class).getText()).startsWith("Free verse"));
        robot.interact(() -> app.window().model().formProperty().set(FormChoice.HAIKU));
        assertFalse(onFx(toggle::isDisabled));
    }

    @Test
    void continuingThePoetsFirstLineKeepsItAndFillsTheFormAfterIt() throws Exception {
        robot.interact(() -> {
            // Room for the poet's line in the fixture's 128-token context, and for the two lines after it.
            app.window().model().sampling().applyKeepingSeed(
                    app.window().model().sampling().getSettings().withMaxTokens(90));
            app.window().model().modeProperty().set(GenerationMode.CONTINUE_TEXT);
            app.window().editor().area().replaceText("an old pond");
        });
        assertTrue(waitFor(10_000, () -> generation().keepFormAvailableProperty().get()),
                () -> "keeping to the form works when continuing: " + generation().keepFormHintProperty().get());
        robot.interact(() -> app.window().commands().generate());
        assertTrue(waitFor(60_000, () -> generation().lastResultProperty().get() != null && !generation().runningProperty().get()),
                () -> "finishes: " + app.window().model().errorMessageProperty().get());
        GenerationResult result = onFx(() -> generation().lastResultProperty().get());
        String poem = onFx(() -> app.window().editor().text()).strip();
        System.out.printf("continued to 3-5-3: %s | note: %s%n", poem.replace("\n", " / "), result.note());
        // The line was left open, so the model may end it (a comma) but not change its words.
        assertTrue(poem.lines().findFirst().orElseThrow().matches("an old pond\\W*"),
                "the poet's line stays word for word: " + poem);
        PoemCheck check = app.window().model().prosody().prosody().orElseThrow().check(poem, Form.parse("3-5-3"));
        if (result.note().isEmpty()) {
            assertEquals(3, poem.lines().count(), poem);
            assertTrue(check.fits(), () -> "the stanza keeps 3-5-3 after the poet's line: " + poem + " " + check);
        }
        assertEquals("3-5-3", onFx(() -> generation().recordFor(poem).orElseThrow().keptForm()));
    }

    @Test
    void aWordPickedFromTheAlternativesOfAKeptStanzaKeepsTheFormOrIsRefused() throws Exception {
        robot.interact(() -> app.window().commands().generate());
        assertTrue(waitFor(60_000, () -> generation().lastResultProperty().get() != null && !generation().runningProperty().get()));
        GenerationResult first = onFx(() -> generation().lastResultProperty().get());
        String before = onFx(() -> app.window().editor().text());
        // The second token's alternatives (the first may sit on the line's first syllable either way).
        dev.kigo.ui.view.PoemEditor.TokenSpan span = onFx(() -> app.window().editor().tokenSpans().get(1));
        dev.kigo.generate.TokenEvent.Alternative alternative = onFx(() -> span.token().alternatives().stream()
                .filter(a -> !a.text().isBlank() && a.tokenId() != span.token().tokenId()).findFirst().orElseThrow());
        int position = 1;
        boolean accepted = onFx(() -> generation().canContinueFromAlternative(position, alternative));
        if (!accepted) {
            String error = onFx(() -> app.window().model().errorMessageProperty().get());
            assertTrue(error.contains("keep to the form"), error);
            assertEquals(before, onFx(() -> app.window().editor().text()), "a refused word changes nothing");
            return;
        }
        robot.interact(() -> {
            app.window().editor().truncateGeneratedBefore(span);
            generation().continueFromAlternative(position, alternative);
        });
        assertTrue(waitFor(60_000, () -> generation().lastResultProperty().get() != first && !generation().runningProperty().get()));
        GenerationResult result = onFx(() -> generation().lastResultProperty().get());
        String poem = onFx(() -> app.window().editor().text()).strip();
        System.out.printf("after the alternative %s: %s | note: %s%n", alternative.text(), poem.replace("\n", " / "), result.note());
        PoemCheck check = app.window().model().prosody().prosody().orElseThrow().check(poem, Form.parse("3-5-3"));
        if (result.note().isEmpty()) {
            assertTrue(check.fits(), () -> "the stanza still keeps 3-5-3 after the picked word: " + poem + " " + check);
        }
    }
}
