package dev.kigo.ui.view;

import dev.kigo.prosody.WordResult;
import dev.kigo.ui.viewmodel.ProsodyViewModel;
import dev.kigo.ui.viewmodel.ProsodyViewModel.WordAt;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Popup;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

import java.time.Duration;
import java.util.Optional;

/**
 * Puts the syllable counter on the editor: the gutter, underlined estimated words, a hover note per word and
 * the context menu that adds a word to the user dictionary. Counting follows typing after a short pause.
 */
public final class ProsodyDecorations {

    /** Short enough to feel live, long enough that fast typing does not recount per key. */
    static final Duration RECOUNT_PAUSE = Duration.ofMillis(120);
    static final String ESTIMATED = "estimated";

    private final PoemEditor editor;
    private final ProsodyViewModel prosody;
    private final Popup wordNote = new Popup();
    private final Label wordNoteLabel = new Label();

    public ProsodyDecorations(PoemEditor editor, ProsodyViewModel prosody) {
        this.editor = editor;
        this.prosody = prosody;
        StyleClassedTextArea area = editor.area();
        area.setParagraphGraphicFactory(new SyllableGutter(prosody));

        area.multiPlainChanges().successionEnds(RECOUNT_PAUSE).subscribe(ignore -> prosody.textChanged(area.getText()));
        // Text the model writes arrives in batches with no pause between them, and a line it adds would show the
        // count of the line that was there before: its changes are counted at once, before the next frame.
        editor.ownEdits().subscribe(ignore -> prosody.textChanged(area.getText()));
        prosody.checkedProperty().addListener((obs, old, checked) -> {
            if (checked != null) {
                editor.setMarkedWords(checked.text(), ESTIMATED, checked.estimatedWordRanges());
            }
        });
        prosody.textChanged(area.getText());
        area.caretPositionProperty().addListener((obs, old, position) -> prosody.caretMoved(position));
        prosody.caretMoved(area.getCaretPosition());

        wordNoteLabel.getStyleClass().add("word-note");
        wordNoteLabel.setId("word-note");
        wordNote.getContent().add(wordNoteLabel);
        wordNote.setAutoHide(true);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, event -> {
            if (editor.tokenAt(event.getCharacterIndex()).isPresent()) {
                return; // generated tokens show their alternatives instead
            }
            wordAt(event.getCharacterIndex()).ifPresent(word -> {
                wordNoteLabel.setText(describe(word.word()));
                wordNote.show(area.getScene().getWindow(), event.getScreenPosition().getX() + 8, event.getScreenPosition().getY() + 14);
            });
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> wordNote.hide());

        area.setOnContextMenuRequested(event -> {
            int index = area.hit(event.getX(), event.getY()).getInsertionIndex();
            contextMenu(wordAt(index).or(() -> wordAt(index - 1))).show(area, event.getScreenX(), event.getScreenY());
            event.consume();
        });
    }

    private Optional<WordAt> wordAt(int index) {
        ProsodyViewModel.CheckedText checked = prosody.checkedProperty().get();
        if (checked == null || !checked.text().equals(editor.area().getText())) {
            return Optional.empty();
        }
        return checked.wordAt(index);
    }

    private ContextMenu contextMenu(Optional<WordAt> word) {
        StyleClassedTextArea area = editor.area();
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(e -> area.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> area.copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(e -> area.paste());
        // While the model writes the editor is read-only; cut and paste would still change it.
        cut.setDisable(!area.isEditable());
        paste.setDisable(!area.isEditable());
        ContextMenu menu = new ContextMenu(cut, copy, paste);
        word.ifPresent(w -> {
            String text = w.word().text();
            MenuItem add = new MenuItem(w.word().isEstimate()
                    ? "Add “" + text + "” to user dictionary…"
                    : "Set syllables of “" + text + "” in user dictionary…");
            add.setId("add-to-user-dictionary");
            add.setOnAction(e -> askSyllables(w.word()));
            menu.getItems().addAll(new SeparatorMenuItem(), add);
        });
        return menu;
    }

    private void askSyllables(WordResult word) {
        TextInputDialog dialog = new TextInputDialog(Integer.toString(word.chosen()));
        dialog.setTitle("User dictionary");
        dialog.setHeaderText("How many syllables does “" + word.text() + "” have?");
        dialog.setContentText("Syllables:");
        dialog.initOwner(editor.getScene().getWindow());
        dialog.showAndWait().ifPresent(answer -> {
            Optional<String> problem;
            try {
                problem = prosody.addToUserDictionary(word.text(), Integer.parseInt(answer.strip()));
            } catch (NumberFormatException e) {
                problem = Optional.of("Syllables must be a whole number, not “" + answer.strip() + "”.");
            }
            problem.ifPresent(sentence -> {
                Alert alert = new Alert(Alert.AlertType.WARNING, sentence);
                alert.setHeaderText(null);
                alert.initOwner(editor.getScene().getWindow());
                alert.showAndWait();
            });
        });
    }

    static String describe(WordResult word) {
        String count = word.range().isExact()
                ? word.chosen() + (word.chosen() == 1 ? " syllable" : " syllables")
                : word.chosen() + " syllables here (" + word.range().min() + " to " + word.range().max() + " by reading)";
        return word.text() + ": " + count + " — " + SyllableGutter.sourceText(word);
    }
}
