package dev.kigo.ui.view;

import atlantafx.base.controls.Card;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.Verdict;
import dev.kigo.ui.presets.Preset;
import dev.kigo.ui.viewmodel.ComparisonColumnViewModel;
import dev.kigo.ui.viewmodel.ProsodyViewModel;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One column of the comparison as a card: its settings on top (preset, Keep to the form, the sampling fields
 * folded away), the poem it wrote with each line's syllables against the form, then how it measured and what the
 * poet can do with it.
 */
final class ComparisonColumnView extends Card {

    final Button stop = new Button("Stop");
    final Button reroll = new Button("Re-roll");
    final Button keep = new Button("Keep");
    final Button save = new Button("Save");
    private final VBox poem = new VBox(2);
    private final List<Row> rows = new ArrayList<>();
    private final Label waiting = new Label();
    private final ProsodyViewModel prosody;

    ComparisonColumnView(ComparisonColumnViewModel column, ProsodyViewModel prosody, BooleanExpression keepFormPossible,
                         Runnable onReroll, Runnable onKeep, Runnable onSave, BooleanExpression canSave) {
        this.prosody = prosody;
        String id = "compare-" + column.label().toLowerCase(Locale.ROOT) + "-";
        setId(id + "column");
        getStyleClass().add("comparison-column");
        setMinWidth(220);
        setMaxWidth(Double.MAX_VALUE);

        Label letter = new Label(column.label());
        letter.getStyleClass().addAll(Styles.TITLE_3, "comparison-letter");
        ComboBox<Preset> preset = SamplingPanel.presetBox(column.presets());
        preset.setId(id + "preset");
        preset.setPromptText("Custom");
        preset.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(preset, Priority.ALWAYS);
        HBox top = new HBox(8, letter, preset);
        top.setAlignment(Pos.CENTER_LEFT);

        ToggleSwitch keepForm = new ToggleSwitch("Keep to the form");
        keepForm.setId(id + "keep-form");
        keepForm.selectedProperty().bindBidirectional(column.keepFormProperty());
        keepForm.disableProperty().bind(keepFormPossible.not());
        keepForm.setTooltip(new Tooltip("Every line keeps to the form's syllable count (new poems from keywords)"));

        TitledPane settings = new TitledPane("Settings", SamplingPanel.fields(column.sampling(), id, id + "roll-seed", false));
        settings.setId(id + "settings");
        settings.setExpanded(false);
        settings.getStyleClass().addAll(Styles.DENSE, "comparison-settings");

        Label summary = new Label();
        summary.setId(id + "summary");
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        summary.setWrapText(true);
        summary.textProperty().bind(column.summaryProperty());
        setHeader(new VBox(8, top, keepForm, settings, summary));

        poem.setId(id + "poem");
        poem.getStyleClass().add("comparison-poem");
        poem.setMinHeight(110);
        waiting.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        waiting.setWrapText(true);
        column.textProperty().addListener(o -> showPoem(column));
        column.linesProperty().addListener(o -> showPoem(column));
        setBody(poem);

        Label state = new Label();
        state.setId(id + "state");
        state.getStyleClass().add(Styles.TEXT_SMALL);
        state.textProperty().bind(column.stateProperty());
        Label speed = new Label();
        speed.setId(id + "speed");
        speed.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        speed.textProperty().bind(column.speedProperty());
        Label logProb = new Label();
        logProb.setId(id + "log-prob");
        logProb.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        logProb.textProperty().bind(column.logProbProperty());
        logProb.setTooltip(new Tooltip("Mean log-probability per token under the model: nearer 0, the likelier the text"));
        FlowPane stats = new FlowPane(10, 2, state, speed, logProb);

        stop.setId(id + "stop");
        stop.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        stop.setOnAction(e -> column.stop());
        stop.disableProperty().bind(column.runningProperty().not());
        reroll.setId(id + "reroll");
        reroll.getStyleClass().add(Styles.SMALL);
        reroll.setTooltip(new Tooltip("A new seed, and this column writes again"));
        reroll.setOnAction(e -> onReroll.run());
        reroll.disableProperty().bind(column.runningProperty());
        var written = column.textProperty().isEmpty().or(column.runningProperty());
        keep.setId(id + "keep");
        keep.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        keep.setTooltip(new Tooltip("Put this poem into the editor as a new stanza"));
        keep.setOnAction(e -> onKeep.run());
        keep.disableProperty().bind(written);
        save.setId(id + "save");
        save.getStyleClass().add(Styles.SMALL);
        save.setTooltip(new Tooltip("Save this poem to the library, with the settings that wrote it"));
        save.setOnAction(e -> onSave.run());
        save.disableProperty().bind(column.resultProperty().isNull().or(column.runningProperty()).or(canSave.not()));
        FlowPane actions = new FlowPane(6, 6, stop, reroll, keep, save);
        setFooter(new VBox(8, stats, actions));
        showPoem(column);
    }

    /**
     * Each line with its syllables against the form beside it, as in the editor's gutter. Rows are reused while the
     * model streams (a new row only for a new line), so a batch of tokens costs a text change, not a new layout.
     */
    private void showPoem(ComparisonColumnViewModel column) {
        String text = column.textProperty().get();
        List<LineResult> checked = column.linesProperty().get();
        if (text.isEmpty()) {
            rows.clear();
            waiting.setText(column.runningProperty().get() ? "…" : "Run all to see what these settings write.");
            poem.getChildren().setAll(waiting);
            return;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (rows.isEmpty()) {
            poem.getChildren().clear();
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
            poem.getChildren().add(box);
        }
        while (rows.size() > lines.size()) {
            rows.remove(rows.size() - 1);
            poem.getChildren().remove(poem.getChildren().size() - 1);
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
