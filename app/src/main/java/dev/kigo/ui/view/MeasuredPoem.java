package dev.kigo.ui.view;

import atlantafx.base.theme.Styles;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.Verdict;
import dev.kigo.ui.viewmodel.ComparisonColumnViewModel;
import dev.kigo.ui.viewmodel.ProsodyViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** A column's poem, each line with its syllables against the form beside it, as in the editor's gutter. */
final class MeasuredPoem extends VBox {

    private final List<Row> rows = new ArrayList<>();
    private final Label waiting = new Label();
    private final ProsodyViewModel prosody;
    private final String emptyText;
    private String shownText;
    private List<LineResult> shownLines;

    MeasuredPoem(ComparisonColumnViewModel column, ProsodyViewModel prosody, String emptyText) {
        super(2);
        this.prosody = prosody;
        this.emptyText = emptyText;
        getStyleClass().add("comparison-poem");
        setMinHeight(90);
        waiting.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        waiting.setWrapText(true);
        // The view model sets the text, then its lines: one update per change of either, not two.
        column.textProperty().addListener(o -> showPoem(column));
        column.linesProperty().addListener(o -> showPoem(column));
        showPoem(column);
    }

    /**
     * Each line with its syllables against the form beside it, as in the editor's gutter. Rows are reused while the
     * model streams (a new row only for a new line), so a batch of tokens costs a text change, not a new layout.
     */
    private void showPoem(ComparisonColumnViewModel column) {
        String text = column.textProperty().get();
        List<LineResult> checked = column.linesProperty().get();
        if (text.equals(shownText) && checked == shownLines) {
            return;
        }
        shownText = text;
        shownLines = checked;
        if (text.isEmpty()) {
            rows.clear();
            waiting.setText(column.runningProperty().get() ? "…" : emptyText);
            getChildren().setAll(waiting);
            return;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (rows.isEmpty()) {
            getChildren().clear();
        }
        while (rows.size() < lines.size()) {
            Row row = new Row(new GutterMark(), new Label());
            row.line().getStyleClass().add("comparison-line");
            row.line().setWrapText(true);
            // As in the editor's gutter: each word's count and where it came from, on hover.
            row.mark().setOnMouseEntered(e -> {
                if (row.mark().getUserData() instanceof LineResult line && line.verdict() != Verdict.BLANK) {
                    if (row.mark().tooltip() == null) {
                        row.mark().installTooltip(new Tooltip());
                        row.mark().tooltip().getStyleClass().add("syllable-tooltip");
                    }
                    row.mark().tooltip().setText(SyllableGutter.explain(line));
                }
            });
            HBox box = new HBox(0, row.mark(), row.line());
            box.setAlignment(Pos.TOP_LEFT);
            rows.add(row);
            getChildren().add(box);
        }
        while (rows.size() > lines.size()) {
            rows.remove(rows.size() - 1);
            getChildren().remove(getChildren().size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            Row row = rows.get(i);
            if (!row.line().getText().equals(lines.get(i))) {
                row.line().setText(lines.get(i));
            }
            LineResult result = i < checked.size() ? checked.get(i) : null;
            List<LineResult> measured = result == null || result.verdict() == Verdict.BLANK ? List.of() : List.of(result);
            SyllableGutter.show(row.mark(), measured, prosody::isLearned);
            row.mark().setUserData(result);
        }
    }

    private record Row(GutterMark mark, Label line) { }
}
