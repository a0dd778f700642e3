package dev.kigo.ui.settings;

/** Where the window was and how big, so the next run opens it in the same place. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 420;

    public WindowBounds {
        width = Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : 1100;
        height = Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : 720;
        x = Double.isFinite(x) ? x : Double.NaN;
        y = Double.isFinite(y) ? y : Double.NaN;
    }

    public static WindowBounds defaults() {
        return new WindowBounds(Double.NaN, Double.NaN, 1100, 720, false);
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
