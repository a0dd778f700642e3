package dev.kigo.ui;

import dev.kigo.ui.presets.Preset;
import dev.kigo.ui.settings.StudioState;
import dev.kigo.ui.settings.StudioStateStore;
import dev.kigo.ui.settings.Theme;
import dev.kigo.ui.viewmodel.SamplingField;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kigo.ui.StudioRunner.onFx;
import static dev.kigo.ui.StudioRunner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudioWindowTest {

    @TempDir
    Path configDir;
    @TempDir
    Path kigoHome;

    private final StudioRunner runner = new StudioRunner();
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void tearDown() throws Exception {
        runner.stop();
    }

    private StyleClassedTextArea editor() {
        return robot.lookup("#poem-area").queryAs(StyleClassedTextArea.class);
    }

    @Test
    void theEditMenuCutsCopiesPastesAndSelectsAllInTheFieldWithTheCaret() throws Exception {
        runner.start(configDir, kigoHome);
        robot.clickOn("#poem-area").write("an old pond");
        fireMenuItem("Edit", "Select all");
        fireMenuItem("Edit", "Copy");
        robot.interact(() -> editor().moveTo(editor().getLength()));
        fireMenuItem("Edit", "Paste");
        assertEquals("an old pondan old pond", onFx(() -> editor().getText()));
        fireMenuItem("Edit", "Select all");
        fireMenuItem("Edit", "Cut");
        assertEquals("", onFx(() -> editor().getText()));
        // The keys paste once: the editor's own, not the menu's as well.
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        assertEquals("an old pondan old pond", onFx(() -> editor().getText()));

        // With the caret in a text field, the menu works on the field and leaves the poem alone.
        TextField keywords = robot.lookup("#keywords-field").queryAs(TextField.class);
        robot.clickOn(keywords);
        fireMenuItem("Edit", "Paste");
        assertEquals("an old pondan old pond", onFx(keywords::getText));
        fireMenuItem("Edit", "Select all");
        fireMenuItem("Edit", "Cut");
        assertEquals("", onFx(keywords::getText));
        assertEquals("an old pondan old pond", onFx(() -> editor().getText()));
    }

    private void fireMenuItem(String menu, String item) {
        robot.interact(() -> robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().replace("_", "").equals(menu)).findFirst().orElseThrow()
                .getItems().stream().filter(i -> item.equals(i.getText())).findFirst().orElseThrow().fire());
    }

    @Test
    void choosingThePresetAgainPutsBackTheValuesEditedSinceChoosingIt() throws Exception {
        StudioApp app = runner.start(configDir, kigoHome);
        @SuppressWarnings("unchecked")
        ComboBox<Preset> presets = robot.lookup("#preset-box").queryAs(ComboBox.class);
        robot.interact(() -> presets.getSelectionModel().select(presets.getItems().stream()
                .filter(p -> p.name().equals("Wild")).findFirst().orElseThrow()));
        robot.interact(() -> app.window().model().sampling().text(SamplingField.TEMPERATURE).set("0.3"));
        assertTrue(onFx(() -> robot.lookup("#preset-modified").query().isVisible()), "marked edited");

        robot.clickOn(presets);
        javafx.scene.Node wildInTheList = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
                && "Wild".equals(cell.getText()) && n.getScene() != presets.getScene() && n.isVisible()).query();
        robot.clickOn(wildInTheList);
        assertEquals("1.25", onFx(() -> app.window().model().sampling().text(SamplingField.TEMPERATURE).get()));
        assertFalse(onFx(() -> robot.lookup("#preset-modified").query().isVisible()), "no longer edited");
        assertEquals("Wild", onFx(() -> presets.getValue().name()));
    }

    @Test
    void aNewSeedDoesNotLayOutTheSidePanelAgain() throws Exception {
        StudioApp app = runner.start(configDir, kigoHome);
        TextField seed = robot.lookup("#sampling-seed").queryAs(TextField.class);
        javafx.scene.Node panel = robot.lookup(".sampling-panel").query();
        String before = onFx(seed::getText);
        boolean panelAsked = onFx(() -> {
            panel.getScene().getRoot().layout();
            app.window().model().sampling().rollSeed();
            return ((javafx.scene.Parent) panel).isNeedsLayout();
        });
        assertFalse(before.equals(onFx(seed::getText)), "the field shows the new seed");
        // Regenerate rolls a seed as the model starts: the whole panel was laid out again for it.
        assertFalse(panelAsked, "the sampling panel was asked for a new layout by the seed field");
        assertTrue(onFx(() -> seed.getWidth() > 40 && seed.getHeight() > 10), "the field is still sized");
    }

    @Test
    void theStudioLowersTheJitCompilersPrioritySoTheWindowComesFirst() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.kigo.generate.YieldingThreads.currentNice().isPresent(),
                "per-thread priorities are read from /proc (Linux)");
        StudioApp app = runner.start(configDir, kigoHome);
        assertTrue(app.jitCompilerThreadsLowered() > 0, "HotSpot's C1 and C2 compiler threads lowered at start-up");
    }

    @Test
    void settingsAndDraftAreRestoredAfterARestart() throws Exception {
        runner.start(configDir, kigoHome);
        robot.clickOn("#poem-area").write("whistling kettle\n");
        @SuppressWarnings("unchecked")
        ComboBox<Preset> presets = robot.lookup("#preset-box").queryAs(ComboBox.class);
        robot.interact(() -> presets.getSelectionModel().select(presets.getItems().stream()
                .filter(p -> p.name().equals("Wild")).findFirst().orElseThrow()));
        TextField seed = robot.lookup("#sampling-seed").queryAs(TextField.class);
        robot.interact(() -> seed.setText("77"));
        robot.clickOn("#keywords-field").write("winter kettle");
        robot.clickOn("#poem-area").press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("1.25", robot.lookup("#sampling-temperature").queryAs(TextField.class).getText());
        robot.interact(() -> {
            Stage stage = (Stage) editor().getScene().getWindow();
            stage.setX(33);
            stage.setY(44);
            stage.setWidth(900);
            stage.setHeight(650);
        });
        runner.stop();

        StudioApp second = runner.start(configDir, kigoHome);
        assertEquals("whistling kettle\n", onFx(() -> editor().getText()));
        assertEquals("Wild", onFx(() -> presets().getValue().name()));
        assertEquals("1.25", robot.lookup("#sampling-temperature").queryAs(TextField.class).getText());
        assertEquals("77", robot.lookup("#sampling-seed").queryAs(TextField.class).getText());
        assertEquals("winter kettle", robot.lookup("#keywords-field").queryAs(TextField.class).getText());
        assertEquals(Theme.DARK, onFx(() -> second.window().model().themeProperty().get()));
        assertEquals(20.0, onFx(() -> second.window().model().fontSizeProperty().get()));
        Stage stage = (Stage) editor().getScene().getWindow();
        assertEquals(List.of(33.0, 44.0, 900.0, 650.0),
                onFx(() -> List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }

    @Test
    void theSeedLockAndTheFoldedSidePanelAreRememberedAcrossARestart() throws Exception {
        StudioApp first = runner.start(configDir, kigoHome);
        robot.interact(() -> robot.lookup("#lock-seed").queryAs(javafx.scene.control.ToggleButton.class).fire());
        robot.clickOn("#poem-area").press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        assertTrue(onFx(() -> first.window().model().sampling().seedLockedProperty().get()));
        assertTrue(robot.lookup("#side-tabs").tryQuery().map(n -> n.getScene() == null).orElse(true), "folded");
        runner.stop();

        StudioApp second = runner.start(configDir, kigoHome);
        assertTrue(onFx(() -> second.window().model().sampling().seedLockedProperty().get()), "the seed stays locked");
        assertFalse(onFx(() -> second.window().sidePanelShownProperty().get()), "the side panel stays folded");
        assertTrue(onFx(() -> ((SplitPane) robot.lookup("#studio-root").queryAs(BorderPane.class).getCenter())
                .getItems().size() == 1), "only the editor in the window");
        robot.clickOn("#poem-area").press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        robot.interact(() -> second.window().model().sampling().seedLockedProperty().set(false));
        runner.stop();

        StudioApp third = runner.start(configDir, kigoHome);
        assertFalse(onFx(() -> third.window().model().sampling().seedLockedProperty().get()));
        assertTrue(onFx(() -> third.window().sidePanelShownProperty().get()));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Preset> presets() {
        return robot.lookup("#preset-box").queryAs(ComboBox.class);
    }

    @Test
    void draftIsOnDiskSoonAfterTypingStopsWithoutClosingTheWindow() throws Exception {
        runner.start(configDir, kigoHome);
        robot.clickOn("#poem-area").write("first snow");
        Path draft = configDir.resolve("draft.txt");
        // What a crash would leave behind: the autosave, not the save on close.
        assertTrue(waitFor(5_000, () -> Files.exists(draft) && Files.readString(draft).equals("first snow")));
    }

    @Test
    void changingThePresetRewritesTheSamplingFieldsAndEditingMarksItEdited() throws Exception {
        runner.start(configDir, kigoHome);
        robot.interact(() -> presets().getSelectionModel().select(presets().getItems().get(0)));
        assertEquals("Precise", onFx(() -> presets().getValue().name()));
        assertEquals("0.5", robot.lookup("#sampling-temperature").queryAs(TextField.class).getText());
        assertEquals("20", robot.lookup("#sampling-top-k").queryAs(TextField.class).getText());
        Label edited = robot.lookup("#preset-modified").queryAs(Label.class);
        assertFalse(onFx(edited::isVisible));
        robot.doubleClickOn("#sampling-top-k").write("9");
        assertTrue(onFx(edited::isVisible));
    }

    @Test
    void invalidSamplingValueShowsItsMessageUnderTheField() throws Exception {
        StudioApp app = runner.start(configDir, kigoHome);
        robot.doubleClickOn("#sampling-top-p").write("3");
        assertEquals("Top-p must be above 0 and at most 1 (1 = off), not 3.0.",
                onFx(() -> app.window().model().sampling().error(SamplingField.TOP_P).get()));
        assertTrue(robot.lookup(".field-error").queryAll().stream().anyMatch(n -> n.isVisible()
                && ((Label) n).getText().startsWith("Top-p must be")));
    }

    @Test
    void fontSizeShortcutsGrowShrinkAndReset() throws Exception {
        StudioApp app = runner.start(configDir, kigoHome);
        robot.clickOn("#poem-area");
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertEquals(16.0, onFx(() -> app.window().model().fontSizeProperty().get()));
        assertTrue(onFx(() -> editor().getStyle().contains("-fx-font-size: 16.0px")));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals(18.0, onFx(() -> app.window().model().fontSizeProperty().get()));
        // Ctrl++ as typed on a US layout (Shift+=), and the keypad's plus.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(20.0, onFx(() -> app.window().model().fontSizeProperty().get()));
        robot.press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL);
        assertEquals(22.0, onFx(() -> app.window().model().fontSizeProperty().get()));
    }

    @Test
    void damagedSettingsFileIsExplainedInTheBannerAndTheEditorStillWorks() throws Exception {
        Files.writeString(configDir.resolve("studio.json"), "{\"theme\": ");
        runner.start(configDir, kigoHome);
        atlantafx.base.controls.Message banner = robot.lookup("#error-banner").queryAs(atlantafx.base.controls.Message.class);
        assertTrue(onFx(banner::isVisible));
        String text = onFx(banner::getDescription);
        assertTrue(text.startsWith("Your saved settings could not be read"), text);
        assertFalse(text.contains("Exception"), text);
        robot.clickOn("#poem-area").write("still here");
        assertEquals("still here", onFx(() -> editor().getText()));
    }

    @Test
    void aWindowLastSeenOnAMonitorThatIsGoneOpensOnScreen() throws Exception {
        StudioState d = StudioState.defaults();
        new StudioStateStore(configDir.resolve("studio.json")).save(new StudioState(
                new dev.kigo.ui.settings.WindowBounds(9000, 7000, 900, 650, false), d.theme(), d.fontSize(), d.sampling(),
                d.presetName(), d.form(), d.customPattern(), d.mode(), d.keywords(), d.modelDir(), d.keepForm()));
        runner.start(configDir, kigoHome);
        Stage stage = (Stage) editor().getScene().getWindow();
        double x = onFx(stage::getX);
        double y = onFx(stage::getY);
        assertFalse(javafx.stage.Screen.getScreensForRectangle(x, y, 200, 40).isEmpty(), "opened at " + x + ", " + y);
        assertEquals(900.0, onFx(stage::getWidth), "the size is still restored");
    }

    @Test
    void aRememberedModelFolderThatIsGoneFallsBackToTheShippedModel() throws Exception {
        StudioState d = StudioState.defaults();
        new StudioStateStore(configDir.resolve("studio.json")).save(new StudioState(d.window(), d.theme(), d.fontSize(),
                d.sampling(), d.presetName(), d.form(), d.customPattern(), d.mode(), d.keywords(),
                configDir.resolve("deleted-model").toString(), d.keepForm()));
        StudioApp app = runner.start(configDir, kigoHome);
        assertTrue(waitFor(10_000, () -> app.window().model().modelDirProperty().get().isEmpty()),
                () -> "remembered: " + app.window().model().modelDirProperty().get());
        // The shipped model's folder is looked for next (this test's Kigo home has none, so it says so).
        assertTrue(waitFor(10_000, () -> app.window().session().statusProperty().get()
                .contains(kigoHome.toString())), () -> app.window().session().statusProperty().get());
    }

    @Test
    void theModelPrecisionMenuListsTheOpenModelsVariantsAndLoadsTheChosenOne() throws Exception {
        Path model = dev.kigo.model.Fixtures.bundle("optimum").toAbsolutePath().normalize();
        StudioState d = StudioState.defaults();
        new StudioStateStore(configDir.resolve("studio.json")).save(new StudioState(d.window(), d.theme(), d.fontSize(),
                d.sampling(), d.presetName(), d.form(), d.customPattern(), d.mode(), d.keywords(),
                model.toString(), d.keepForm()));
        StudioApp app = runner.start(configDir, kigoHome);
        assertTrue(waitFor(20_000, () -> app.window().session().readyProperty().get()));
        javafx.scene.control.Menu precision = onFx(() -> robot.lookup("#menu-bar")
                .queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(item -> "menu-precision".equals(item.getId())).map(javafx.scene.control.Menu.class::cast)
                .findFirst().orElseThrow());
        robot.interact(() -> {
            robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).show();
            precision.show();
        });
        List<String> labels = onFx(() -> precision.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList());
        assertEquals(List.of("fp32 (optimum)", "int8 (optimum/int8)", "int4 (optimum/int4)"), labels);
        assertTrue(onFx(() -> ((javafx.scene.control.RadioMenuItem) precision.getItems().get(0)).isSelected()));
        robot.interact(() -> precision.getItems().get(1).fire());
        assertTrue(waitFor(20_000, () -> model.resolve("int8").toString()
                .equals(app.window().model().modelDirProperty().get())),
                () -> "model folder: " + app.window().model().modelDirProperty().get());
        assertTrue(waitFor(20_000, () -> app.window().session().readyProperty().get()));
    }
}
