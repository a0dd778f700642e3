package dev.kigo.ui;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * Reports when the studio's window was first laid out for drawing and when its model was ready, as wall-clock
 * milliseconds and the process's CPU milliseconds so far (all threads; less shaken by a busy machine) on standard
 * error, for the start-up benchmark ({@code bench/studio-start.sh}, which notes the clock
 * when it runs {@code ./kigo}). Off unless {@code -Dkigo.startup.trace} is set; {@code =exit} also closes the studio
 * once the model is ready, so starts can be timed one after another.
 */
final class StartupTrace {
    private static final String PROPERTY = "kigo.startup.trace";

    private StartupTrace() { }

    /** Reports a step of the start when tracing is on. */
    static void mark(String event) {
        if (System.getProperty(PROPERTY) != null) {
            report(event);
        }
    }

    /** Watches {@code scene}'s first pulse after the window shows and {@code modelReady} turning true. */
    static void watch(Scene scene, ObservableBooleanValue modelReady) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        Runnable[] firstPulse = new Runnable[1];
        firstPulse[0] = () -> {
            if (scene.getWindow() != null && scene.getWindow().isShowing()) {
                report("window-drawn");
                scene.removePostLayoutPulseListener(firstPulse[0]);
            }
        };
        scene.addPostLayoutPulseListener(firstPulse[0]);
        modelReady.addListener((obs, was, ready) -> {
            if (ready) {
                report("model-ready");
                if ("exit".equals(mode)) {
                    Platform.exit();
                }
            }
        });
    }

    private static void report(String event) {
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
        System.err.println("kigo-startup " + event + " " + System.currentTimeMillis() + " " + cpuMillis);
    }
}
