package dev.kigo.ui.view;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.kigo.ui.settings.FormChoice;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.viewmodel.GenerationRun;
import dev.kigo.ui.viewmodel.ModelSession;
import dev.kigo.ui.viewmodel.StudioViewModel;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What to ask the model for: mode, keywords, form, and the buttons that start and stop it. */
public final class GenerationPanel extends VBox {

    final Button generate = new Button("Generate");
    final Button stop = new Button("Stop");
    final Button regenerate = new Button("Regenerate");
    final Button continueButton = new Button("Continue");
    final Button accept = new Button("Accept");
    final Button discard = new Button("Discard");
    private final VBox actions = new VBox(6);

    public GenerationPanel(StudioViewModel model, ModelSession session, GenerationRun generation, PoemEditor editor,
                           GenerationCommands commands, Runnable compare) {
        setSpacing(8);
        getStyleClass().add("generation-panel");

        Label title = new Label("Generate");
        title.getStyleClass().add(Styles.TITLE_4);

        ComboBox<GenerationMode> mode = new ComboBox<>(FXCollections.observableArrayList(GenerationMode.values()));
        mode.setId("mode-box");
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setMaxWidth(Double.MAX_VALUE);

        TextField keywords = new TextField();
        keywords.setId("keywords-field");
        keywords.setPromptText("Keywords, e.g. autumn moon, heron");
        keywords.textProperty().bindBidirectional(model.keywordsProperty());
        keywords.disableProperty().bind(model.modeProperty().isNotEqualTo(GenerationMode.FROM_KEYWORDS));
        keywords.setOnAction(e -> commands.generate());

        ComboBox<FormChoice> form = new ComboBox<>(FXCollections.observableArrayList(FormChoice.values()));
        form.setId("form-box");
        form.valueProperty().bindBidirectional(model.formProperty());
        form.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(form, Priority.ALWAYS);

        TextField pattern = new TextField();
        pattern.setId("custom-pattern-field");
        pattern.setPromptText("5-7-5");
        pattern.setPrefColumnCount(8);
        pattern.textProperty().bindBidirectional(model.customPatternProperty());
        pattern.visibleProperty().bind(model.formProperty().isEqualTo(FormChoice.CUSTOM));
        pattern.managedProperty().bind(pattern.visibleProperty());
        pattern.setTooltip(new Tooltip("Syllables per line, separated by dashes or spaces"));

        Label patternError = new Label();
        patternError.setId("custom-pattern-error");
        patternError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
        patternError.setWrapText(true);
        patternError.textProperty().bind(model.prosody().formErrorProperty());
        patternError.visibleProperty().bind(model.prosody().formErrorProperty().isNotEmpty()
                .and(model.formProperty().isEqualTo(FormChoice.CUSTOM)));
        patternError.managedProperty().bind(patternError.visibleProperty());

        ToggleSwitch keepToForm = new ToggleSwitch("Keep to the form");
        keepToForm.setId("keep-to-form");
        keepToForm.selectedProperty().bindBidirectional(model.keepFormProperty());
        keepToForm.disableProperty().bind(generation.keepFormAvailableProperty().not());
        Label keepNote = new Label();
        keepNote.setId("keep-to-form-hint");
        keepNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        keepNote.setWrapText(true);
        keepNote.textProperty().bind(generation.keepFormHintProperty());
        // The reason it is off shows under the switch; what it does shows on hover.
        keepNote.visibleProperty().bind(generation.keepFormAvailableProperty().not());
        keepNote.managedProperty().bind(keepNote.visibleProperty());
        HBox keepRow = new HBox(8, keepToForm);
        keepRow.setAlignment(Pos.CENTER_LEFT);
        Tooltip keepTip = new Tooltip();
        keepTip.textProperty().bind(generation.keepFormHintProperty());
        Tooltip.install(keepRow, keepTip);

        Label generationNote = new Label();
        generationNote.setId("generation-note");
        generationNote.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        generationNote.setWrapText(true);
        generationNote.textProperty().bind(generation.noteProperty());
        generationNote.visibleProperty().bind(generation.noteProperty().isNotEmpty());
        generationNote.managedProperty().bind(generationNote.visibleProperty());

        generate.setId("generate-button");
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setDefaultButton(false);
        stop.setId("stop-button");
        stop.getStyleClass().add(Styles.DANGER);
        regenerate.setId("regenerate-button");
        continueButton.setId("continue-button");
        accept.setId("accept-button");
        discard.setId("discard-button");
        generate.setOnAction(e -> commands.generate());
        stop.setOnAction(e -> commands.stop());
        regenerate.setOnAction(e -> commands.regenerate());
        continueButton.setOnAction(e -> commands.continueText());
        accept.setOnAction(e -> commands.accept());
        discard.setOnAction(e -> commands.discard());
        var idle = session.readyProperty().and(generation.runningProperty().not());
        generate.disableProperty().bind(idle.not());
        regenerate.disableProperty().bind(idle.not());
        continueButton.disableProperty().bind(idle.not());
        stop.disableProperty().bind(generation.runningProperty().not());
        accept.disableProperty().bind(editor.pendingGeneratedProperty().not().or(generation.runningProperty()));
        discard.disableProperty().bind(accept.disableProperty());
        generate.setTooltip(new Tooltip("Generate (Shortcut+Enter)"));
        stop.setTooltip(new Tooltip("Stop (Esc)"));
        regenerate.setTooltip(new Tooltip("Replace the pending text, with a new seed (Shortcut+Shift+R)"));
        continueButton.setTooltip(new Tooltip("Let the model go on from the text (Shortcut+Shift+Enter)"));
        accept.setTooltip(new Tooltip("Keep the pending text as yours (Shortcut+Shift+A)"));
        discard.setTooltip(new Tooltip("Remove the pending text (Shortcut+Shift+D)"));
        Button compareButton = new Button("Compare…");
        compareButton.setId("compare-button");
        compareButton.setTooltip(new Tooltip("Try 2-4 settings side by side on one prompt (Shortcut+Shift+C)"));
        compareButton.setOnAction(e -> compare.run());
        FlowPane buttons = new FlowPane(6, 6, generate, compareButton, stop, regenerate, continueButton, accept, discard);
        actions.getStyleClass().add("generation-actions");
        actions.getChildren().addAll(buttons, generationNote);

        getChildren().addAll(title, mode, keywords, new HBox(6, form, pattern), patternError, keepRow, keepNote);
    }

    /**
     * The buttons and the note of the last run, to be placed where they stay in view. Kept out of the scrolling
     * panel on purpose too: a scroll pane caches its content as one image, and buttons that change state at every
     * start and end of a run would have it repainted whole each time.
     */
    public Node actions() {
        return actions;
    }
}
