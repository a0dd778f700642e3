package dev.kigo.ui;

import dev.kigo.export.PdfText;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import dev.kigo.ui.settings.StudioPaths;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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

/** File › Export… and the library's Export button, in the real window with a real library file. */
class ExportDialogTest {

    @TempDir
    Path configDir;
    @TempDir
    Path kigoHome;
    @TempDir
    Path out;

    private final StudioRunner runner = new StudioRunner();
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        runner.stop();
    }

    private void seedLibrary() {
        try (Library library = Library.open(new StudioPaths(configDir, kigoHome).libraryFile())) {
            for (String text : List.of("winter moon\nthe heron folds into\nits own grey shadow",
                    "winter moon\nover the frozen harbour\na gull's cry",
                    "spring rain\nthe old gate\nleft open")) {
                library.pieces().save(PieceDraft.of(PieceContent.of("", text, "haiku")), null);
            }
        }
    }

    private String label(String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void onAShortScreenTheOptionsScrollAndTheButtonsStayInSight() throws Exception {
        seedLibrary();
        StudioApp app = runner.start(configDir, kigoHome);
        robot.interact(app.window()::showLibrary);
        robot.clickOn("#library-export");
        assertTrue(waitFor(10_000, () -> robot.lookup("#export-dialog").tryQuery().isPresent()));
        javafx.stage.Stage dialog = onFx(() -> (javafx.stage.Stage) robot.lookup("#export-dialog").query().getScene().getWindow());
        // An 800x600 screen leaves about 560 px for a window.
        robot.interact(() -> dialog.setHeight(560));
        javafx.scene.Node run = robot.lookup("#export-run").query();
        double bottom = onFx(() -> run.localToScene(run.getBoundsInLocal()).getMaxY());
        double sceneHeight = onFx(() -> run.getScene().getHeight());
        assertTrue(bottom <= sceneHeight, "Export is inside the window: " + bottom + " of " + sceneHeight);
        javafx.scene.control.ScrollPane options = robot.lookup("#export-options").queryAs(javafx.scene.control.ScrollPane.class);
        assertTrue(onFx(() -> options.getViewportBounds().getHeight() < options.getContent().getBoundsInLocal().getHeight()),
                "the options scroll");
    }

    @Test
    void exportsTheSelectionTheSearchResultAndAllWithAPreviewAndOneSentenceErrors() throws Exception {
        seedLibrary();
        StudioApp app = runner.start(configDir, kigoHome);
        @SuppressWarnings("unchecked")
        ListView<Piece> list = robot.lookup("#library-list").queryAs(ListView.class);
        assertTrue(waitFor(10_000, () -> list.getItems().size() == 3));

        // Search, select one piece, and press the library's Export button: the selection is what goes out.
        robot.interact(app.window()::showLibrary);
        robot.write("winter");
        assertTrue(waitFor(10_000, () -> list.getItems().size() == 2));
        robot.interact(() -> list.getSelectionModel().select(1));
        String selectedText = onFx(() -> list.getItems().get(1).text());
        robot.clickOn("#library-export");
        assertTrue(waitFor(10_000, () -> robot.lookup("#export-dialog").tryQuery().isPresent()));
        javafx.stage.Window dialog = onFx(() -> robot.lookup("#export-dialog").query().getScene().getWindow());
        assertTrue(waitFor(10_000, () -> label("#export-scope-all").equals("The whole library (3)")));
        assertEquals("The selected pieces (1)", onFx(() -> label("#export-scope-selection")));
        assertEquals("The search result (2)", onFx(() -> label("#export-scope-search")));
        assertTrue(onFx(() -> robot.lookup("#export-scope-selection").queryAs(javafx.scene.control.RadioButton.class).isSelected()));

        robot.clickOn("#export-format-md");
        Path markdown = out.resolve("one.md");
        robot.interact(() -> robot.lookup("#export-file").queryAs(TextField.class).setText(markdown.toString()));
        robot.clickOn("#export-run");
        assertTrue(waitFor(10_000, () -> label("#export-done").startsWith("Exported 1 piece to")),
                () -> robot.lookup("#export-error").queryLabeled().getText());
        String written = Files.readString(markdown);
        for (String line : selectedText.split("\n")) {
            assertTrue(written.contains(line), written);
        }
        assertFalse(written.contains("spring rain"), written);
        assertEquals(1.0, onFx(() -> app.window().export().progressProperty().get()));

        // The search result as a PDF collection: the preview is the title page, drawn before anything is written.
        robot.clickOn("#export-scope-search");
        robot.clickOn("#export-format-pdf");
        robot.clickOn("#export-layout-collection");
        robot.clickOn("#export-title").write("Winter");
        ImageView preview = robot.lookup("#export-preview").queryAs(ImageView.class);
        assertTrue(waitFor(10_000, () -> preview.getImage() != null && app.window().export().titleProperty().get().equals("Winter")));
        Image page = onFx(preview::getImage);
        assertTrue(page.getHeight() > page.getWidth(), "a portrait A5 page");
        assertTrue(hasInk(page), "the title page shows its title");
        Path pdf = out.resolve("winter.pdf");
        assertTrue(onFx(() -> robot.lookup("#export-file").queryAs(TextField.class).getText()).endsWith(".pdf"),
                "the file name follows the format");
        robot.interact(() -> robot.lookup("#export-file").queryAs(TextField.class).setText(pdf.toString()));
        robot.clickOn("#export-run");
        assertTrue(waitFor(10_000, () -> label("#export-done").startsWith("Exported 2 pieces to")),
                () -> robot.lookup("#export-error").queryLabeled().getText());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, document.getNumberOfPages(), "a title page and a page of both pieces");
        }
        String text = PdfText.read(pdf, 0, 0);
        assertTrue(text.startsWith("Winter 2 pieces"), text);
        assertTrue(text.contains("frozen harbour") && text.contains("grey shadow") && !text.contains("spring rain"), text);

        // The same file again, without allowing it to be replaced: one sentence, no stack trace, the file kept.
        long size = Files.size(pdf);
        robot.clickOn("#export-run");
        assertTrue(waitFor(10_000, () -> !label("#export-error").isEmpty()));
        String error = onFx(() -> label("#export-error"));
        assertEquals(pdf + " already exists; choose another name or allow replacing it.", error);
        assertTrue(onFx(() -> robot.lookup("#export-error").query().isVisible()));
        assertEquals(size, Files.size(pdf));
        // A folder that is not there: said as such.
        robot.interact(() -> robot.lookup("#export-file").queryAs(TextField.class).setText(out.resolve("gone/x.pdf").toString()));
        robot.clickOn("#export-run");
        assertTrue(waitFor(10_000, () -> label("#export-error").equals("The folder " + out.resolve("gone") + " does not exist.")),
                () -> robot.lookup("#export-error").queryLabeled().getText());

        // Escape closes it; Shortcut+E (File › Export…) opens it again, over the whole library when nothing is selected.
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertTrue(waitFor(5_000, () -> !dialog.isShowing()));
        robot.interact(() -> list.getSelectionModel().clearSelection());
        robot.interact(() -> robot.lookup("#library-search").queryAs(TextField.class).clear());
        assertTrue(waitFor(10_000, () -> list.getItems().size() == 3));
        robot.clickOn("#poem-area");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        assertTrue(waitFor(5_000, dialog::isShowing));
        assertTrue(waitFor(5_000, () -> robot.lookup("#export-scope-search").queryAs(javafx.scene.control.RadioButton.class).isSelected()));
        assertTrue(onFx(() -> robot.lookup("#export-scope-selection").query().isDisabled()), "nothing is selected");
        assertEquals("The search result (3)", onFx(() -> label("#export-scope-search")));
    }

    /** Whether the picture has dark pixels on its white page (any text at all). */
    private static boolean hasInk(Image image) {
        var pixels = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (pixels.getColor(x, y).getBrightness() < 0.5) {
                    return true;
                }
            }
        }
        return false;
    }
}
