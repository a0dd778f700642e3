package dev.kigo.ui.view;

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
