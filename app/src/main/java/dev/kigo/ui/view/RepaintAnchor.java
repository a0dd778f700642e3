package dev.kigo.ui.view;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A one-pixel, invisible region that is marked changed on every frame while {@code active} holds, and for about
 * a second after.
 * <p>
 * Why: JavaFX repaints the whole window when a frame's changes all lie outside the visible area (its list of
 * dirty regions comes out empty, and an empty list means "paint everything"). While the model streams, such
 * frames are common: the seed field changes below the fold of the side panel at every Regenerate, and the
 * editor lays out text past its right edge. Each one cost a full software repaint (25-55 ms, plus rebuilding
 * the side panel's cached image). One tiny changed pixel on screen keeps the list from ever being empty, so a
 * frame repaints only what changed.
 */
public final class RepaintAnchor extends Region {

    // Both fully transparent, but not equal: a Region ignores a background equal to the one it has.
    private static final Background[] LOOKS = {
            new Background(new BackgroundFill(Color.color(0, 0, 0, 0), null, null)),
            new Background(new BackgroundFill(Color.color(1, 1, 1, 0), null, null)) };

    /** Frames to go on after {@code active} turns false: a run's end restyles the editor in the frames after it. */
    private static final int FRAMES_AFTER = 60;

    private int look;
    private int framesLeft;

    public RepaintAnchor(Scene scene, ObservableBooleanValue active) {
        setId("repaint-anchor");
        setMinSize(1, 1);
        setPrefSize(1, 1);
        setMaxSize(1, 1);
        setMouseTransparent(true);
        setFocusTraversable(false);
        setBackground(LOOKS[0]);
        scene.addPreLayoutPulseListener(() -> {
            if (active.get()) {
                framesLeft = FRAMES_AFTER;
            }
            if (framesLeft > 0) {
                framesLeft--;
                look = 1 - look;
                setBackground(LOOKS[look]);
            }
        });
    }
}
