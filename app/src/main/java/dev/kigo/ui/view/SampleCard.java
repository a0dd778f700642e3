package dev.kigo.ui.view;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import dev.kigo.ui.viewmodel.ComparisonColumnViewModel;
import dev.kigo.ui.viewmodel.ProsodyViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One of N samples: its seed, its poem measured against the form, and a box to pick it. */
final class SampleCard extends Card {

    SampleCard(ComparisonColumnViewModel sample, ProsodyViewModel prosody) {
        String id = "sample-" + sample.label() + "-";
        setId(id + "card");
        getStyleClass().add("comparison-column");
        setPrefWidth(260);
        Label seed = new Label();
        seed.getStyleClass().addAll(Styles.TEXT_BOLD, "comparison-letter");
        seed.textProperty().bind(Bindings.createStringBinding(() -> "Seed " + sample.sampling().getSettings().seed(),
                sample.sampling().settingsProperty()));
        CheckBox pick = new CheckBox("Pick");
        pick.setId(id + "pick");
        pick.selectedProperty().bindBidirectional(sample.pickedProperty());
        pick.disableProperty().bind(sample.textProperty().isEmpty().or(sample.runningProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        setHeader(new HBox(8, seed, gap, pick));
        MeasuredPoem poem = new MeasuredPoem(sample, prosody, "");
        poem.setId(id + "poem");
        setBody(poem);
        setFooter(ComparisonColumnView.stats(sample, id));
    }
}
