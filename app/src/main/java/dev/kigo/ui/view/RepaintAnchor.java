package dev.kigo.ui.view;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A one-pixel, invisible region that is marked changed on every frame while {@code active} holds, and for about
 * a second after it stops or after {@link #poke()}.
 * <p>
 * Why: JavaFX repaints the whole window when a frame has changes but none of them leaves a region to repaint:
 * its list of dirty regions comes out empty, and an empty list means "paint everything". While the model streams
 * or the poet types, most frames after an edit are such frames (RichTextFX sets the caret's shape again, to the
 * same shape; a field changes below the fold of the side panel). Each would cost a full software repaint of the
 * window, and a rebuild of the side panel's cached image (docs/benchmarks.md, "Studio: frames while the model
 * streams"). One tiny changed pixel keeps the list from being empty, so a frame repaints only what changed.
 */
public final class RepaintAnchor extends Region {

    // Both fully transparent, but not equal: a Region ignores a background equal to the one it has.
    private static final Background[] LOOKS = {
            new Background(new BackgroundFill(Color.color(0, 0, 0, 0), null, null)),
            new Background(new BackgroundFill(Color.color(1, 1, 1, 0), null, null)) };

    /** Frames to go on after {@code active} turns false or a poke: a run's end or a recount changes things later. */
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
                flip();
            }
        });
    }

    /** Keeps the anchor changing for the next second (the poet typed, say). */
    public void poke() {
        boolean resting = framesLeft == 0;
        framesLeft = FRAMES_AFTER;
        if (resting) {
            flip(); // asks for the next frame, in which the pulse listener takes over
        }
    }

    private void flip() {
        look = 1 - look;
        setBackground(LOOKS[look]);
    }
}
