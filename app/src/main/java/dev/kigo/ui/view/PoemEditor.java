package dev.kigo.ui.view;

import dev.kigo.ui.viewmodel.StudioViewModel;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

import java.time.Duration;

/** The poem editor: a RichTextFX area whose text is autosaved whenever typing pauses. */
public final class PoemEditor extends StackPane {

    /** Long enough that a typist's pause, not each key, triggers a write. */
    static final Duration AUTOSAVE_PAUSE = Duration.ofMillis(600);

    private final StyleClassedTextArea area = new StyleClassedTextArea();

    public PoemEditor(StudioViewModel model) {
        getStyleClass().add("poem-editor");
        area.setId("poem-area");
        area.getStyleClass().add("poem-area");
        area.setWrapText(true);
        area.replaceText(model.restoredDraft());
        area.getUndoManager().forgetHistory();
        area.moveTo(area.getLength());
        area.requestFollowCaret();

        model.fontSizeProperty().addListener((obs, old, size) -> applyFontSize(size.doubleValue()));
        applyFontSize(model.fontSizeProperty().get());

        area.multiPlainChanges().successionEnds(AUTOSAVE_PAUSE)
                .subscribe(ignore -> model.draftAutosave().textChanged(area.getText()));

        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public StyleClassedTextArea area() {
        return area;
    }

    public String text() {
        return area.getText();
    }

    private void applyFontSize(double size) {
        area.setStyle("-fx-font-size: " + size + "px;");
    }
}
