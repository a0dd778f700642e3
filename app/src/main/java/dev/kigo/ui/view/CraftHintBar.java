package dev.kigo.ui.view;

import dev.kigo.ui.viewmodel.CraftHints;
import dev.kigo.ui.viewmodel.ProsodyViewModel;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A quiet strip under the editor about the stanza at the caret: a season chip, the cut and a rhyme warning.
 * Hints only; nothing here blocks writing, saving or generating. The strip keeps one height whatever it says,
 * so a new hint never moves the editor above it.
 */
public final class CraftHintBar extends HBox {

    static final PseudoClass FOUND = PseudoClass.getPseudoClass("found");
    static final PseudoClass CLASH = PseudoClass.getPseudoClass("clash");

    private final Label season = new Label();
    private final Label cut = new Label();
    private final Label rhyme = new Label();

    public CraftHintBar(ProsodyViewModel prosody) {
        super(12);
        setId("craft-hints");
        getStyleClass().add("craft-hints");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 16, 4, 16));
        setMinHeight(30);
        setPrefHeight(30);
        setMaxHeight(30);
        season.setId("craft-season");
        season.getStyleClass().add("season-chip");
        season.setTooltip(new Tooltip("Season words from the saijiki (dictionaries/saijiki.txt). A hint, not a rule."));
        cut.setId("craft-cut");
        cut.getStyleClass().add("cut-marker");
        cut.setTooltip(new Tooltip("A cut (kireji): a dash, ellipsis, colon or other stop that divides the poem."));
        rhyme.setId("craft-rhyme");
        rhyme.getStyleClass().add("rhyme-warning");
        rhyme.setTooltip(new Tooltip("Haiku lines usually do not rhyme."));
        // The season and the cut keep their whole text; a long rhyme list is the one that gives way.
        season.setMinWidth(Region.USE_PREF_SIZE);
        cut.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(season, cut, rhyme);
        prosody.craftHintsProperty().addListener((obs, old, hints) -> show(hints));
        show(prosody.craftHintsProperty().get());
    }

    private void show(CraftHints hints) {
        boolean any = !hints.season().isEmpty();
        season.setText(hints.season());
        season.setVisible(any);
        season.pseudoClassStateChanged(FOUND, hints.seasonFound());
        season.pseudoClassStateChanged(CLASH, hints.clash());
        cut.setText(hints.cut());
        cut.setVisible(any);
        cut.pseudoClassStateChanged(FOUND, hints.cutFound());
        rhyme.setText(hints.rhyme());
        rhyme.setVisible(!hints.rhyme().isEmpty());
    }
}
