package dev.kigo.ui.view;

import atlantafx.base.controls.Card;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
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

    ComparisonColumnView(ComparisonColumnViewModel column, ProsodyViewModel prosody, BooleanExpression keepFormPossible,
                         Runnable onReroll, Runnable onKeep, Runnable onSave, BooleanExpression canSave) {
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

        MeasuredPoem poem = new MeasuredPoem(column, prosody, "Run all to see what these settings write.");
        poem.setId(id + "poem");
        // The poem changes at every batch while the model streams: that lays out the poem, not the window.
        setBody(LayoutIsolated.filling(poem, 120));

        FlowPane stats = stats(column, id);

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
    }

    /** What the column's run was: its state, tokens/s and the mean log-probability of its text. */
    static FlowPane stats(ComparisonColumnViewModel column, String id) {
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
        return new FlowPane(10, 2, state, speed, logProb);
    }
}
