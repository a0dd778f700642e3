package dev.kigo.ui;

import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import dev.kigo.ui.help.GuideText;
import dev.kigo.ui.settings.StudioPaths;
import dev.kigo.ui.view.PoemEditor;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.kigo.ui.StudioRunner.onFx;
import static dev.kigo.ui.StudioRunner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Help menu, the library list's entries, the side panel that folds away, and the window at its extremes. */
class HelpAndLayoutTest {

    @TempDir
    Path configDir;
    @TempDir
    Path kigoHome;

    private final StudioRunner runner = new StudioRunner();
    private final FxRobot robot = new FxRobot();
    private double fontSize;

    @AfterEach
    void stop() throws Exception {
        runner.stop();
    }

    private void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private Stage mainStage() throws Exception {
        return onFx(() -> (Stage) robot.lookup("#studio-root").query().getScene().getWindow());
    }

    private void resize(double width, double height) throws Exception {
        Stage stage = mainStage();
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        assertTrue(waitFor(5_000, () -> stage.getScene().getWidth() > width - 30 && stage.getScene().getHeight() > height - 60));
        robot.interact(() -> stage.getScene().getRoot().layout());
    }

    @Test
    void theHelpMenuOpensTheUserGuideAndTheKeyboardShortcuts() throws Exception {
        runner.start(configDir, kigoHome);
        robot.interact(() -> robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().equals("_Help")).findFirst().orElseThrow()
                .getItems().stream().filter(i -> "User guide".equals(i.getText())).findFirst().orElseThrow().fire());
        assertTrue(waitFor(5_000, () -> robot.lookup("#user-guide").tryQuery().isPresent()));
        String shown = onFx(() -> GuideText.plainText(((Parent) robot.lookup("#user-guide").queryAs(ScrollPane.class)
                .getContent()).getChildrenUnmodifiable()));
        // The guide in the window is docs/user-guide.md: every heading, and its words without Markdown marks.
        List<String> guide = Files.readAllLines(Path.of(System.getProperty("kigo.repo.root", "..")).resolve("docs/user-guide.md"));
        for (String heading : guide.stream().filter(line -> line.startsWith("#")).toList()) {
            assertTrue(shown.contains(heading.replaceFirst("^#+ ", "")), heading);
        }
        assertTrue(shown.contains("File › Export… (Shortcut+E)"), shown);
        assertFalse(shown.contains("**"), "bold is drawn bold, not marked");

        // Shortcut+/ lists every menu command that has keys, from the menus themselves.
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.clickOn("#poem-area");
        shortcut(KeyCode.SLASH);
        assertTrue(waitFor(5_000, () -> robot.lookup("#shortcuts-table").tryQuery().isPresent()));
        List<String> rows = onFx(() -> {
            GridPane table = robot.lookup("#shortcuts-table").queryAs(GridPane.class);
            List<String> found = new ArrayList<>();
            for (Node cell : table.getChildren()) {
                if (GridPane.getColumnIndex(cell) != null && GridPane.getColumnIndex(cell) == 1) {
                    Label keys = (Label) table.getChildren().stream().filter(n -> GridPane.getRowIndex(n).equals(GridPane.getRowIndex(cell))
                            && (GridPane.getColumnIndex(n) == null || GridPane.getColumnIndex(n) == 0)).findFirst().orElseThrow();
                    found.add(keys.getText() + " " + ((Label) cell).getText());
                }
            }
            return found;
        });
        for (String row : List.of("Ctrl+E Export…", "Ctrl+S Save to library", "F1 User guide", "Ctrl+B Side panel",
                "Ctrl+/ Keyboard shortcuts", "Ctrl+↵ Generate", "Ctrl+Shift+C Compare settings side by side…")) {
            assertTrue(rows.contains(row), row + " in " + rows);
        }
        // F1 brings the guide back.
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.clickOn("#poem-area");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertTrue(waitFor(5_000, () -> robot.lookup("#user-guide").tryQuery().isPresent()
                && robot.lookup("#user-guide").query().getScene().getWindow().isShowing()));
    }

    @Test
    void theLibraryListShowsTheWholeFirstStanzaSoPiecesThatBeginAlikeDiffer() throws Exception {
        try (Library library = Library.open(new StudioPaths(configDir, kigoHome).libraryFile())) {
            library.pieces().save(PieceDraft.of(PieceContent.of("", "winter moon\nthe heron folds into\nits own grey shadow", "haiku")), null);
            library.pieces().save(PieceDraft.of(PieceContent.of("", "winter moon\nover the frozen harbour\na gull's cry", "haiku")), null);
            library.pieces().save(PieceDraft.of(PieceContent.of("Two", "spring rain\nthe old gate\nleft open\n\nsecond stanza\nnot shown\nhere", "free")), null);
        }
        runner.start(configDir, kigoHome);
        shortcut(KeyCode.L);
        @SuppressWarnings("unchecked")
        ListView<Piece> list = robot.lookup("#library-list").queryAs(ListView.class);
        assertTrue(waitFor(10_000, () -> list.getItems().size() == 3));
        assertTrue(waitFor(5_000, () -> cellTexts(list).size() == 3));
        assertEquals(Set.of("winter moon\nthe heron folds into\nits own grey shadow",
                "winter moon\nover the frozen harbour\na gull's cry",
                "Two\nspring rain\nthe old gate\nleft open"), cellTexts(list));
    }

    private Set<String> cellTexts(ListView<?> list) throws Exception {
        return onFx(() -> list.lookupAll(".list-cell").stream().map(n -> ((ListCell<?>) n).getText())
                .filter(t -> t != null && !t.isEmpty()).collect(Collectors.toSet()));
    }

    @Test
    void theSidePanelFoldsAwayAndTheEditorKeepsACentredMeasureOnAWideScreen() throws Exception {
        fontSize = runner.start(configDir, kigoHome).window().model().fontSizeProperty().get();
        resize(1920, 1080);
        StyleClassedTextArea area = robot.lookup("#poem-area").queryAs(StyleClassedTextArea.class);
        robot.interact(() -> area.replaceText("an old silent pond\na frog jumps into the pond\nsplash! silence again"));
        robot.clickOn("#poem-area");
        shortcut(KeyCode.B);
        assertTrue(waitFor(5_000, () -> robot.lookup("#side-tabs").tryQuery().isEmpty()), "the side panel folds away");
        assertTrue(waitFor(5_000, () -> area.getWidth() > 1800), "the poem takes the width");
        assertCentredColumn(area);

        // Back with the same keys, or with Shortcut+L (the library is in the side panel).
        shortcut(KeyCode.B);
        assertTrue(waitFor(5_000, () -> robot.lookup("#side-tabs").tryQuery().isPresent()));
        assertCentredColumn(area);
        shortcut(KeyCode.B);
        assertTrue(waitFor(5_000, () -> robot.lookup("#side-tabs").tryQuery().isEmpty()));
        shortcut(KeyCode.L);
        assertTrue(waitFor(5_000, () -> robot.lookup("#side-tabs").tryQuery().isPresent()));
    }

    /** The text starts well in from the left, and the column is no wider than the measure, with even margins. */
    private void assertCentredColumn(StyleClassedTextArea area) throws Exception {
        assertTrue(waitFor(5_000, () -> {
            double measure = PoemEditor.MEASURE_EM * fontSize;
            Bounds areaOnScreen = area.localToScreen(area.getBoundsInLocal());
            Bounds firstLetter = area.getCharacterBoundsOnScreen(0, 1).orElse(null);
            double left = area.getInsets().getLeft();
            double right = area.getInsets().getRight();
            return firstLetter != null
                    && area.getWidth() - left - right <= measure
                    && Math.abs(left - right) < 10
                    && firstLetter.getMinX() - areaOnScreen.getMinX() > left
                    && left > 100;
        }), () -> "insets " + area.getInsets() + ", width " + area.getWidth());
    }

    @Test
    void atEightHundredBySixHundredNoLabelIsCutAndEveryButtonIsInTheWindow() throws Exception {
        runner.start(configDir, kigoHome);
        resize(800, 600);
        assertNothingCutOff(List.of("#generate-button", "#regenerate-button", "#continue-button", "#status-bar",
                "#keywords-field", "#menu-bar"));
        shortcut(KeyCode.L);
        resize(800, 600);
        assertNothingCutOff(List.of("#library-export", "#library-search", "#library-list"));
    }

    private void assertNothingCutOff(List<String> ids) throws Exception {
        assertTrue(waitFor(5_000, () -> cutOff(ids).isEmpty()), () -> {
            try {
                return "cut off: " + cutOff(ids);
            } catch (Exception e) {
                return e.toString();
            }
        });
    }

    /** Visible labels drawn shorter than their text (an ellipsis), and the given nodes not wholly in the window. */
    private List<String> cutOff(List<String> ids) throws Exception {
        return onFx(() -> {
            Parent root = robot.lookup("#studio-root").queryAs(Parent.class);
            Bounds window = root.getLayoutBounds();
            List<String> problems = new ArrayList<>();
            for (Node node : root.lookupAll(".labeled")) {
                if (node instanceof Labeled labeled && labeled.isVisible() && treeVisible(labeled) && labeled.getText() != null
                        && !labeled.getText().isEmpty() && labeled.lookup(".text") instanceof Text drawn
                        && !drawn.getText().equals(labeled.getText())) {
                    problems.add("\"" + labeled.getText() + "\" drawn as \"" + drawn.getText() + "\"");
                }
            }
            for (String id : ids) {
                Node node = robot.lookup(id).query();
                Bounds inRoot = root.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                if (inRoot.getMinX() < -1 || inRoot.getMaxX() > window.getWidth() + 1 || inRoot.getMaxY() > window.getHeight() + 1) {
                    problems.add(id + " at " + inRoot);
                }
            }
            return problems;
        });
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
