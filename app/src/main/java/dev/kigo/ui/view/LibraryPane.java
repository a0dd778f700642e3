package dev.kigo.ui.view;

import atlantafx.base.theme.Styles;
import dev.kigo.library.Piece;
import dev.kigo.ui.viewmodel.LibraryViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/** The library beside the editor: search, the list of pieces, and the selected piece with what can be done to it. */
public final class LibraryPane extends VBox {

    private final TextField search = new TextField();
    private final ListView<Piece> list;

    /** {@code export} opens the export dialog (the window owns it, as File › Export does). */
    public LibraryPane(LibraryViewModel library, Runnable export) {
        setSpacing(8);
        setId("library-pane");

        Label title = new Label("Library");
        title.getStyleClass().add(Styles.TITLE_4);

        search.setId("library-search");
        search.setPromptText("Search text, titles, tags, keywords");
        search.textProperty().bindBidirectional(library.queryProperty());

        list = new ListView<>(library.pieces());
        list.setId("library-list");
        // Several pieces can be chosen for an export; the detail shows the one chosen last.
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(220);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Piece piece, boolean empty) {
                super.updateItem(piece, empty);
                setText(empty || piece == null ? null : LibraryViewModel.listText(piece));
            }
        });
        Label empty = new Label("Nothing here yet: save a poem with Shortcut+S.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        // The list and the view model's selection follow each other (a refresh replaces the items).
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, piece) -> {
            if (piece != null || list.getItems().isEmpty()) {
                library.selectedProperty().set(piece);
            }
        });
        library.selectedProperty().addListener((obs, old, piece) -> {
            if (piece == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != piece) {
                list.getSelectionModel().select(piece);
            }
        });

        // Undo banner after a delete.
        Label deleted = new Label();
        deleted.textProperty().bind(Bindings.createStringBinding(() -> library.undoableProperty().get() == null ? ""
                : "Deleted " + (library.undoableProperty().get().pieceIds().size() == 1 ? "1 piece." : library.undoableProperty().get().pieceIds().size() + " pieces."),
                library.undoableProperty()));
        Button undo = new Button("Undo");
        undo.setId("library-undo");
        undo.getStyleClass().add(Styles.ACCENT);
        undo.setOnAction(e -> library.undoDelete());
        Button dismiss = new Button("✕");
        dismiss.getStyleClass().add(Styles.FLAT);
        dismiss.setTooltip(new Tooltip("Keep it deleted"));
        dismiss.setOnAction(e -> library.dismissUndo());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox undoBanner = new HBox(8, deleted, gap, undo, dismiss);
        undoBanner.setId("library-undo-banner");
        undoBanner.setAlignment(Pos.CENTER_LEFT);
        undoBanner.getStyleClass().add("undo-banner");
        undoBanner.visibleProperty().bind(library.undoableProperty().isNotNull());
        undoBanner.managedProperty().bind(undoBanner.visibleProperty());

        Button exportButton = new Button("Export…");
        exportButton.setId("library-export");
        exportButton.setTooltip(new Tooltip("Export the selected pieces, the search result or the whole library (Shortcut+E)"));
        exportButton.setOnAction(e -> export.run());
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        HBox header = new HBox(8, title, titleGap, exportButton);
        header.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(header, search, list, undoBanner, detail(library));
    }

    /** The pieces chosen in the list, in list order. */
    public List<Piece> selectedPieces() {
        return list.getItems().stream().filter(list.getSelectionModel().getSelectedItems()::contains).toList();
    }

    private static VBox detail(LibraryViewModel library) {
        var selected = library.selectedProperty();
        Label text = new Label();
        text.setId("library-detail-text");
        text.setWrapText(true);
        text.getStyleClass().add("library-poem");
        Label verdict = new Label();
        verdict.setId("library-detail-verdict");
        Label keywords = new Label();
        keywords.setId("library-detail-keywords");
        Label settings = new Label();
        settings.setId("library-detail-settings");
        settings.setWrapText(true);
        settings.textProperty().bind(library.selectedSettingsProperty());
        Label dates = new Label();
        dates.setId("library-detail-dates");
        for (Label small : new Label[] {keywords, settings, dates}) {
            small.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        }

        ToggleButton favourite = new ToggleButton("★ Favourite");
        favourite.setId("library-favourite");
        favourite.setOnAction(e -> library.toggleFavourite());

        TextField tags = new TextField();
        tags.setId("library-tags");
        tags.setPromptText("Tags, separated by commas (Enter to keep)");
        tags.setOnAction(e -> library.setTags(tags.getText()));

        selected.addListener((obs, old, piece) -> {
            text.setText(piece == null ? "" : piece.text());
            verdict.setText(piece == null ? "" : LibraryViewModel.verdict(piece));
            keywords.setText(piece == null || piece.keywords().isBlank() ? "" : "Keywords: " + piece.keywords());
            dates.setText(piece == null ? "" : LibraryViewModel.dates(piece));
            favourite.setSelected(piece != null && piece.favourite());
            String joined = piece == null ? "" : String.join(", ", piece.tags());
            if (!tags.isFocused() || old == null || piece == null || old.id() != piece.id()) {
                tags.setText(joined);
            }
        });

        Button copy = new Button("Copy to editor");
        copy.setId("library-copy");
        copy.setOnAction(e -> library.copySelectedToEditor());
        Button reproduce = new Button("Reproduce");
        reproduce.setId("library-reproduce");
        reproduce.setTooltip(new Tooltip("Restore the keywords and sampling settings that wrote it; then press Generate"));
        reproduce.setOnAction(e -> library.reproduceSelected());
        Button delete = new Button("Delete");
        delete.setId("library-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> library.deleteSelected());
        FlowPane actions = new FlowPane(6, 6, favourite, copy, reproduce, delete);

        VBox detail = new VBox(6, text, verdict, keywords, settings, dates, tags, actions);
        detail.setId("library-detail");
        detail.disableProperty().bind(selected.isNull());
        return detail;
    }

    /** Puts the caret in the search box (Shortcut+L). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
