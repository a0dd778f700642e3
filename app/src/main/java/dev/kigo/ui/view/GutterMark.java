package dev.kigo.ui.view;

import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The node of one gutter entry: a Text, right-aligned in a box of fixed width. RichTextFX recreates a line's
 * graphic every time the line changes, which is every batch while the model streams; a Label's skin and its
 * CSS cost the FX thread several times what a bare Text does.
 */
public final class GutterMark extends Region {

    /** As wide as eight characters of the gutter's font, so every line's text starts at the same place. */
    private static final double WIDTH_IN_EMS = 8;

    private final Text text = new Text();
    private Tooltip tooltip;

    GutterMark() {
        getStyleClass().add("syllable-gutter");
        text.getStyleClass().add("syllable-gutter-text");
        text.setTextOrigin(VPos.TOP);
        text.setTextAlignment(TextAlignment.RIGHT);
        getChildren().add(text);
    }

    public StringProperty textProperty() {
        return text.textProperty();
    }

    public String getText() {
        return text.getText();
    }

    /** The hover explanation, once the mouse has been over this mark (made lazily), else null. */
    public Tooltip tooltip() {
        return tooltip;
    }

    void installTooltip(Tooltip tooltip) {
        this.tooltip = tooltip;
        Tooltip.install(this, tooltip);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snapSizeX(WIDTH_IN_EMS * text.getFont().getSize());
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + text.getLayoutBounds().getHeight() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        // Right-aligned against the text, centred on the line (or on a wrapped paragraph's lines).
        double textWidth = text.getLayoutBounds().getWidth();
        double textHeight = text.getLayoutBounds().getHeight();
        double x = getWidth() - snappedRightInset() - textWidth;
        double y = snappedTopInset() + (getHeight() - snappedTopInset() - snappedBottomInset() - textHeight) / 2;
        text.relocate(snapPositionX(Math.max(snappedLeftInset(), x)), snapPositionY(Math.max(0, y)));
    }
}
