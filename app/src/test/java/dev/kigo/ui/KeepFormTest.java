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
}
