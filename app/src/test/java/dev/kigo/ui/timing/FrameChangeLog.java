package dev.kigo.ui.timing;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

/**
 * Diagnostic for the frame-gap measurement ({@code -Dkigo.debug.frames=true}): after each layout pass, prints every
 * node that will be repainted in this frame (its pending visual changes, where it is in the window). Lined up with
 * JavaFX's pulse logger ({@code -Djavafx.pulseLogger=true}) it shows which change made a frame expensive; this is
 * how the status bar's growing row and the frames with nothing to repaint were found (see RepaintAnchor).
 * It reads a private JavaFX field, so it is for diagnosis only, never for an assertion.
 */
public final class FrameChangeLog implements Runnable {

    /** Changes that do not repaint anything by themselves. */
    private static final Set<String> NOT_VISUAL = Set.of("NODE_BOUNDS", "NODE_TRANSFORMED_BOUNDS", "NODE_CSS");

    private final Scene scene;
    private final Field dirtyBits;
    private final long uptimeOffsetNanos = System.nanoTime()
            - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private int frame;

    public FrameChangeLog(Scene scene) {
        this.scene = scene;
        try {
            dirtyBits = Node.class.getDeclaredField("dirtyBits");
            dirtyBits.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JavaFX version keeps its dirty bits elsewhere", e);
        }
    }

    @Override
    public void run() {
        frame++;
        StringBuilder out = new StringBuilder();
        collect(scene.getRoot(), 0, out);
        if (!out.isEmpty()) {
            System.out.println("FRAME " + frame + " at uptime " + (System.nanoTime() - uptimeOffsetNanos) / 1_000_000L + "\n" + out);
        }
    }

    private void collect(Node node, int depth, StringBuilder out) {
        Set<String> visual = new TreeSet<>();
        try {
            for (Object bit : (Set<?>) dirtyBits.get(node)) {
                visual.add(bit.toString());
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        visual.removeAll(NOT_VISUAL);
        if (visual.contains("WEBVIEW_VIEW")) {
            // Every bit set: a node added in this frame (RichTextFX builds a new cell for each changed line).
            visual = Set.of("NEW");
        }
        if (!visual.isEmpty()) {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            out.append(String.format("  depth %d %s%s in %s at %.0f,%.0f size %.0fx%.0f %s%n", depth, name(node),
                    node instanceof javafx.scene.text.Text t ? " '" + t.getText().replace("\n", "/") + "'" : "",
                    node.getParent() == null ? "-" : name(node.getParent()), b.getMinX(), b.getMinY(), b.getWidth(),
                    b.getHeight(), visual));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, depth + 1, out);
            }
        }
    }

    private static String name(Node node) {
        return node.getClass().getSimpleName() + (node.getId() != null ? "#" + node.getId() : "") + node.getStyleClass();
    }
}
