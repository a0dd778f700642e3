package dev.kigo.ui.view;

import atlantafx.base.theme.Styles;
import dev.kigo.export.ExportFormat;
import dev.kigo.export.PdfLayout;
import dev.kigo.ui.settings.Theme;
import dev.kigo.ui.viewmodel.ExportViewModel;
import dev.kigo.ui.viewmodel.ExportViewModel.Scope;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * File › Export…: the choices of {@code kigo library export} on the left, the PDF's first page on the right,
 * progress and the outcome (one sentence) at the bottom. The window stays open after an export so another
 * format can follow.
 */
public final class ExportDialog {

    private final Stage stage = new Stage();
    private final ExportViewModel export;

    public ExportDialog(Window owner, ExportViewModel export, ObservableValue<Theme> theme, List<String> stylesheets) {
        this.export = export;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export pieces");

        Label heading = new Label("Export pieces");
        heading.getStyleClass().add(Styles.TITLE_3);

        RadioButton selection = new RadioButton();
        selection.setId("export-scope-selection");
        selection.textProperty().bind(Bindings.format("The selected pieces (%d)", export.selectionCountProperty()));
        RadioButton search = new RadioButton();
        search.setId("export-scope-search");
        search.textProperty().bind(Bindings.format("The search result (%d)", export.searchCountProperty()));
        RadioButton all = new RadioButton();
        all.setId("export-scope-all");
        all.textProperty().bind(Bindings.format("The whole library (%d)", export.allCountProperty()));
        choose(export.scopeProperty(), Map.of(selection, Scope.SELECTION, search, Scope.SEARCH_RESULT, all, Scope.ALL));
        selection.disableProperty().bind(export.selectionCountProperty().isEqualTo(0));
        search.disableProperty().bind(export.searchCountProperty().isEqualTo(0));
        CheckBox favourites = new CheckBox("Only favourites");
        favourites.setId("export-favourites");
        favourites.selectedProperty().bindBidirectional(export.favouritesOnlyProperty());
        CheckBox keepingForm = new CheckBox("Only pieces that keep their form");
        keepingForm.setId("export-valid");
        keepingForm.selectedProperty().bindBidirectional(export.keepingFormOnlyProperty());

        RadioButton pdf = new RadioButton("PDF");
        pdf.setId("export-format-pdf");
        RadioButton markdown = new RadioButton("Markdown");
        markdown.setId("export-format-md");
        RadioButton text = new RadioButton("Plain text");
        text.setId("export-format-txt");
        choose(export.formatProperty(), Map.of(pdf, ExportFormat.PDF, markdown, ExportFormat.MARKDOWN, text, ExportFormat.TEXT));

        RadioButton pages = new RadioButton("Each piece on its own page");
        pages.setId("export-layout-pages");
        RadioButton collection = new RadioButton("A collection with a title page");
        collection.setId("export-layout-collection");
        choose(export.layoutProperty(), Map.of(pages, PdfLayout.ONE_PER_PAGE, collection, PdfLayout.COLLECTION));
        VBox layout = new VBox(6, pages, collection);
        layout.disableProperty().bind(export.formatProperty().isNotEqualTo(ExportFormat.PDF));

        TextField title = new TextField();
        title.setId("export-title");
        title.setPromptText("Title of the collection (optional)");
        title.textProperty().bindBidirectional(export.titleProperty());

        TextField file = new TextField();
        file.setId("export-file");
        file.textProperty().bindBidirectional(export.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Choose…");
        browse.setId("export-browse");
        browse.setOnAction(e -> chooseFile());
        CheckBox overwrite = new CheckBox("Replace the file if it exists");
        overwrite.setId("export-overwrite");
        overwrite.selectedProperty().bindBidirectional(export.overwriteProperty());

        VBox form = new VBox(10,
                heading,
                section("Pieces"), selection, search, all, new HBox(16, favourites, keepingForm),
                section("Format"), new HBox(16, pdf, markdown, text),
                section("PDF layout"), layout,
                section("Title"), title,
                section("File"), new HBox(6, file, browse), overwrite);
        form.setMinWidth(360);
        HBox.setHgrow(form, Priority.ALWAYS);

        ImageView page = new ImageView();
        page.setId("export-preview");
        page.setPreserveRatio(true);
        page.setFitWidth(260);
        page.imageProperty().bind(Bindings.createObjectBinding(() -> export.previewProperty().get() == null ? null
                : SwingFXUtils.toFXImage(export.previewProperty().get(), null), export.previewProperty()));
        Label previewNote = new Label();
        previewNote.setId("export-preview-note");
        previewNote.setWrapText(true);
        previewNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        previewNote.textProperty().bind(export.previewNoteProperty());
        previewNote.visibleProperty().bind(export.previewProperty().isNull());
        StackPane sheet = new StackPane(page, previewNote);
        sheet.getStyleClass().add("export-sheet");
        sheet.setPrefSize(272, 380);
        sheet.setMinSize(272, 380);
        sheet.setMaxSize(272, 380);
        Label previewHeading = section("First page");
        VBox previewColumn = new VBox(10, previewHeading, sheet);

        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(export.progressProperty());
        progress.visibleProperty().bind(export.runningProperty());
        Label error = outcome("export-error", Styles.DANGER, export.errorProperty());
        Label done = outcome("export-done", Styles.SUCCESS, export.doneProperty());

        Button close = new Button("Close");
        close.setId("export-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Button run = new Button("Export");
        run.setId("export-run");
        run.setDefaultButton(true);
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(export.runningProperty());
        run.setOnAction(e -> export.export());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, close, run);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        // On a short screen (800x600) the options scroll and the buttons stay in sight below them.
        ScrollPane options = new ScrollPane(new HBox(24, form, previewColumn));
        options.setId("export-options");
        options.setFitToWidth(true);
        options.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        options.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(options, Priority.ALWAYS);
        VBox root = new VBox(12, options, progress, error, done, buttons);
        root.setId("export-dialog");
        root.setPadding(new Insets(18));
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        Themes.apply(theme.getValue(), scene);
        theme.addListener((obs, old, now) -> Themes.apply(now, scene));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setMaxHeight(Screen.getPrimary().getVisualBounds().getHeight());
    }

    /** Shows the window (it may already be open) in front. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        Path current = Path.of(export.fileProperty().get().isBlank() ? System.getProperty("user.home") : export.fileProperty().get());
        Path folder = current.toAbsolutePath().getParent();
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(current.getFileName() == null ? "" : current.getFileName().toString());
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            export.fileProperty().set(chosen.getAbsolutePath());
            // The system's save dialog has already asked whether to replace an existing file.
            export.overwriteProperty().set(true);
        }
    }

    /** A sentence about how the export went, taking room only while there is one. */
    private static Label outcome(String id, String style, ReadOnlyStringProperty sentence) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.textProperty().bind(sentence);
        label.visibleProperty().bind(sentence.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    /** Radio buttons that choose a value of {@code property}, and follow it. */
    private static <T> void choose(ObjectProperty<T> property, Map<RadioButton, T> buttons) {
        ToggleGroup group = new ToggleGroup();
        buttons.forEach((button, value) -> {
            button.setToggleGroup(group);
            button.setSelected(value == property.get());
            button.setOnAction(e -> property.set(value));
        });
        property.addListener((obs, old, value) -> buttons.forEach((button, v) -> button.setSelected(v == value)));
    }
}
