package dev.kigo.ui.view;

import atlantafx.base.theme.Styles;
import dev.kigo.ui.presets.Preset;
import dev.kigo.ui.viewmodel.PresetsViewModel;
import dev.kigo.ui.viewmodel.SamplingField;
import dev.kigo.ui.viewmodel.SamplingViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Preset chooser and one validated text field per sampling knob. */
public final class SamplingPanel extends VBox {

    public SamplingPanel(SamplingViewModel sampling, PresetsViewModel presets) {
        setSpacing(8);
        getStyleClass().add("sampling-panel");

        Label title = new Label("Sampling");
        title.getStyleClass().add(Styles.TITLE_4);

        ComboBox<Preset> presetBox = presetBox(presets);
        presetBox.setId("preset-box");
        HBox.setHgrow(presetBox, Priority.ALWAYS);

        Label modified = new Label("edited");
        modified.setId("preset-modified");
        modified.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        modified.visibleProperty().bind(presets.modifiedProperty().and(presets.selectedProperty().isNotNull()));
        modified.managedProperty().bind(modified.visibleProperty());

        MenuItem saveAs = new MenuItem("Save as preset…");
        saveAs.setOnAction(e -> askAndSave(presets));
        MenuItem makeDefault = new MenuItem("Make this my default preset");
        makeDefault.setOnAction(e -> presets.makeSelectedDefault());
        makeDefault.disableProperty().bind(presets.selectedIsUserPresetProperty().not());
        MenuItem delete = new MenuItem("Delete preset");
        delete.setOnAction(e -> presets.deleteSelected());
        delete.disableProperty().bind(presets.selectedIsUserPresetProperty().not());
        MenuButton presetMenu = new MenuButton("⋯", null, saveAs, makeDefault, delete);
        presetMenu.setId("preset-menu");
        presetMenu.setTooltip(new Tooltip("Save, delete or choose the start-up preset"));

        Label defaultNote = new Label();
        defaultNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        defaultNote.textProperty().bind(Bindings.createStringBinding(
                () -> presets.defaultNameProperty().get().isEmpty() ? "" : "Default: " + presets.defaultNameProperty().get(),
                presets.defaultNameProperty()));

        HBox presetRow = new HBox(6, presetBox, modified, presetMenu);
        presetRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        GridPane grid = fields(sampling, "sampling-", "roll-seed", true);
        getChildren().addAll(title, presetRow, defaultNote, grid);
        setPadding(new Insets(0, 0, 8, 0));
    }

    /**
     * The preset chooser over {@code presets}. Picking the preset already chosen changes no value, so the box alone
     * would do nothing: it is how a poet goes back to the preset after editing, so it fills the fields again.
     */
    static ComboBox<Preset> presetBox(PresetsViewModel presets) {
        ComboBox<Preset> presetBox = new ComboBox<>(presets.presets());
        presetBox.setPromptText("Preset");
        presetBox.valueProperty().bindBidirectional(presets.selectedProperty());
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setCellFactory(list -> {
            ListCell<Preset> cell = new ListCell<>() {
                @Override
                protected void updateItem(Preset preset, boolean empty) {
                    super.updateItem(preset, empty);
                    setText(empty || preset == null ? null : preset.name());
                }
            };
            cell.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
                if (!cell.isEmpty() && cell.getItem().equals(presets.selectedProperty().get())) {
                    presets.reapplySelected();
                }
            });
            return cell;
        });

        return presetBox;
    }

    /**
     * One validated field per knob, labels on the left; ids are {@code idPrefix} and the knob's name. The seed has
     * its dice, and the lock when {@code lockButton} (a comparison's columns keep their seed until re-rolled).
     */
    static GridPane fields(SamplingViewModel sampling, String idPrefix, String diceId, boolean lockButton) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        for (SamplingField field : SamplingField.values()) {
            Label label = new Label(field.label());
            TextField text = new TextField();
            text.setId(idPrefix + field.name().toLowerCase().replace('_', '-'));
            text.textProperty().bindBidirectional(sampling.text(field));
            text.setTooltip(new Tooltip(field.help()));
            text.setPrefColumnCount(6);
            label.setLabelFor(text);
            sampling.error(field).addListener((obs, old, now) -> text.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));

            Label error = new Label();
            error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
            error.setWrapText(true);
            error.textProperty().bind(sampling.error(field));
            error.visibleProperty().bind(sampling.error(field).isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());

            if (field == SamplingField.SEED) {
                Button dice = new Button("⚄");
                dice.setId(diceId);
                dice.setTooltip(new Tooltip("Roll a new seed (Shortcut+D)"));
                dice.setOnAction(e -> sampling.rollSeed());
                // Regenerate shows each new seed here while the model starts: that must not lay out the panel.
                LayoutIsolated seedBox = new LayoutIsolated(text);
                HBox seedRow = new HBox(4, seedBox, dice);
                if (lockButton) {
                    ToggleButton lock = new ToggleButton("Lock");
                    lock.setId("lock-seed");
                    lock.selectedProperty().bindBidirectional(sampling.seedLockedProperty());
                    lock.textProperty().bind(Bindings.when(lock.selectedProperty()).then("Locked").otherwise("Lock"));
                    lock.setTooltip(new Tooltip("Locked, every run uses this seed; unlocked, each run draws a new one"));
                    seedRow.getChildren().add(lock);
                } else {
                    dice.setTooltip(new Tooltip("Roll a new seed"));
                }
                seedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                HBox.setHgrow(seedBox, Priority.ALWAYS);
                grid.add(label, 0, row);
                grid.add(seedRow, 1, row++);
            } else {
                grid.add(label, 0, row);
                grid.add(text, 1, row++);
            }
            grid.add(error, 1, row++);
        }

        return grid;
    }

    private void askAndSave(PresetsViewModel presets) {
        TextInputDialog dialog = new TextInputDialog(presets.selectedProperty().get() == null
                || !presets.selectedIsUserPresetProperty().get() ? "" : presets.selectedProperty().get().name());
        dialog.setTitle("Save preset");
        dialog.setHeaderText("Save the current sampling settings as a preset.");
        dialog.setContentText("Name:");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(name -> presets.saveCurrentAs(name).ifPresent(problem -> {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING, problem);
            alert.setHeaderText(null);
            alert.showAndWait();
        }));
    }
}
