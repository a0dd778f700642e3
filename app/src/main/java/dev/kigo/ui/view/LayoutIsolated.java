package dev.kigo.ui.view;

import javafx.scene.layout.Region;

/**
 * Hosts one control so that its changes do not lay out everything around it again. A change of a field's text
 * asks its parent for a new layout, and the parent asks its own, up to the scroll pane of the whole side panel:
 * at each Regenerate (which shows the new seed) that laid out the whole panel while the model started to stream.
 * Here the control is unmanaged, so its requests stop at itself; this box sizes it.
 * Only for controls whose preferred size does not depend on their content (a text field with a column count).
 */
final class LayoutIsolated extends Region {

    private final Region content;
    /** Zero for a box as big as its content; else this box fills what its parent gives, at least this high. */
    private final double fillingFrom;

    LayoutIsolated(Region content) {
        this(content, 0);
    }

    /**
     * A box that takes the height its parent gives it (at least {@code minHeight}) whatever its content, for content
     * that changes size often (a column's poem while it streams) inside a parent that has room for it.
     */
    static LayoutIsolated filling(Region content, double minHeight) {
        return new LayoutIsolated(content, minHeight);
    }

    private LayoutIsolated(Region content, double fillingFrom) {
        this.content = content;
        this.fillingFrom = fillingFrom;
        content.setManaged(false);
        getChildren().add(content);
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return fillingFrom > 0 ? fillingFrom : content.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return fillingFrom > 0 ? fillingFrom : content.prefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return fillingFrom > 0 ? Double.MAX_VALUE : content.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
