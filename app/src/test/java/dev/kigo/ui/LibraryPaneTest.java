package dev.kigo.ui;

import dev.kigo.generate.SamplingSettings;
import dev.kigo.library.Piece;
import dev.kigo.library.Reproduction;
import dev.kigo.ui.settings.FormChoice;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.StudioState;
import dev.kigo.ui.viewmodel.SamplingField;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;

import static dev.kigo.ui.StudioRunner.onFx;
import static dev.kigo.ui.StudioRunner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library pane in the real window: save a generated piece, find it, favourite, delete and undo, reproduce. */
class LibraryPaneTest {

    @TempDir
    Path configDir;

    private final StudioRunner runner = new StudioRunner();
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        runner.stop();
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all);
        KeyCode[] reversed = new KeyCode[all.length];
        for (int i = 0; i < all.length; i++) {
            reversed[i] = all[all.length - 1 - i];
        }
        robot.release(reversed);
    }

    @Test
    void saveFindFavouriteDeleteUndoAndReproduce() throws Exception {
        StudioState d = StudioState.defaults();
        StudioApp app = runner.start(configDir, new StudioState(d.window(), d.theme(), d.fontSize(),
                d.sampling().withSeed(77).withMaxTokens(40), "", FormChoice.HAIKU, "5-7-5",
                GenerationMode.FROM_KEYWORDS, "kingfisher, dusk", GenerationTest.FIXTURE.toString(), false));
        assertTrue(waitFor(30_000, () -> app.window().session().readyProperty().get()));
        // Seed 77 locked, so the run uses it rather than drawing a new one.
        robot.interact(() -> app.window().model().sampling().seedLockedProperty().set(true));
        SamplingSettings used = onFx(() -> app.window().model().sampling().getSettings());

        // Generate, then save with Shortcut+S: the piece keeps the generation that wrote it.
        robot.clickOn("#poem-area");
        shortcut(robot, KeyCode.ENTER);
        assertTrue(waitFor(30_000, () -> app.window().generation().lastResultProperty().get() != null
                && !app.window().generation().runningProperty().get()));
        shortcut(robot, KeyCode.S);
        assertTrue(waitFor(10_000, () -> app.window().library().noticeProperty().get().startsWith("Saved")),
                () -> app.window().model().errorMessageProperty().get());

        // Shortcut+L opens the library with the caret in the search box; a word finds the piece.
        shortcut(robot, KeyCode.L);
        assertEquals(1, (int) onFx(() -> robot.lookup("#side-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()));
        assertTrue(onFx(() -> robot.lookup("#library-search").queryAs(TextField.class).isFocused()));
        robot.write("nothing-like-it");
        @SuppressWarnings("unchecked")
        ListView<Piece> list = robot.lookup("#library-list").queryAs(ListView.class);
        assertTrue(waitFor(10_000, () -> list.getItems().isEmpty()));
        robot.interact(() -> robot.lookup("#library-search").queryAs(TextField.class).clear());
        robot.clickOn("#library-search").write("kingfisher");
        assertTrue(waitFor(10_000, () -> list.getItems().size() == 1));
        long id = onFx(() -> list.getItems().get(0).id());
        robot.interact(() -> list.getSelectionModel().select(0));
        assertTrue(waitFor(5_000, () -> app.window().library().selectedProperty().get() != null));
        assertTrue(waitFor(5_000, () -> robot.lookup("#library-detail-settings").queryLabeled().getText().contains("seed 77")));

        // Favourite.
        robot.clickOn("#library-favourite");
        assertTrue(waitFor(10_000, () -> list.getItems().size() == 1 && list.getItems().get(0).favourite()));
        assertTrue(app.window().model().library().orElseThrow().pieces().get(id).favourite(), "stored");

        // Delete, then Undo from the banner.
        robot.clickOn("#library-delete");
        assertTrue(waitFor(10_000, () -> list.getItems().isEmpty() && robot.lookup("#library-undo-banner").query().isVisible()));
        assertTrue(app.window().model().library().orElseThrow().pieces().get(id).isDeleted());
        robot.clickOn("#library-undo");
        assertTrue(waitFor(10_000, () -> list.getItems().size() == 1 && !robot.lookup("#library-undo-banner").query().isVisible()));
        assertTrue(app.window().model().library().orElseThrow().pieces().get(id).favourite(), "back as it was");

        // Change the settings, then Reproduce restores the stored seed and settings.
        robot.interact(() -> {
            app.window().model().sampling().seedLockedProperty().set(false);
            app.window().model().sampling().text(SamplingField.SEED).set("5");
            app.window().model().sampling().text(SamplingField.TEMPERATURE).set("1.4");
            app.window().model().keywordsProperty().set("other");
        });
        assertNotEquals(used, onFx(() -> app.window().model().sampling().getSettings()));
        robot.interact(() -> app.window().library().selectedProperty().set(list.getItems().get(0)));
        robot.clickOn("#library-reproduce");
        assertTrue(waitFor(10_000, () -> app.window().model().sampling().getSettings().seed() == 77));
        Reproduction stored = app.window().model().library().orElseThrow().pieces().reproduction(id).orElseThrow();
        assertEquals(stored.settings(), onFx(() -> app.window().model().sampling().getSettings()));
        assertEquals(used.seed(), stored.settings().seed());
        assertEquals(used.temperature(), stored.settings().temperature());
        assertEquals("kingfisher, dusk", onFx(() -> app.window().model().keywordsProperty().get()));
        assertTrue(onFx(() -> robot.lookup("#lock-seed").queryAs(javafx.scene.control.ToggleButton.class).isSelected()),
                "the restored seed is locked, so Generate writes the piece again");
    }
}
