package dev.kigo.ui.view;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import org.controlsfx.control.StatusBar;

/** Model status on the left; device and tokens per second on the right. */
public final class StudioStatusBar extends StatusBar {

    private final Label device = new Label();
    private final Label speed = new Label();
    private final Label notice = new Label();

    public StudioStatusBar() {
        setId("status-bar");
        device.setId("status-device");
        speed.setId("status-speed");
        notice.setId("status-notice");
        getRightItems().addAll(notice, new Separator(Orientation.VERTICAL), new Separator(Orientation.VERTICAL), device, new Separator(Orientation.VERTICAL), speed);
    }

    /**
     * Shows {@code text} in {@code label}, a thin space when it is empty. An empty label in the bar's right-hand
     * row made the row 5 px taller, which stuck out below the window; the window's bounds changed with it at every
     * start and end of a run, and JavaFX then repaints the whole window instead of what changed.
     */
    public static void showNonEmpty(Label label, ObservableValue<String> text) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> text.getValue() == null || text.getValue().isEmpty() ? "\u2009" : text.getValue(), text));
    }

    public Label device() {
        return device;
    }

    /** Short news such as "Saved to the library as piece 3." */
    public Label notice() {
        return notice;
    }

    public Label speed() {
        return speed;
    }
}
