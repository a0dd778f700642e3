package dev.kigo.ui;

import javafx.application.Application;

/**
 * Starts the studio. A plain class (not an Application subclass) so the JavaFX runtime can be found on the
 * class path; launching an Application subclass as the main class fails with "JavaFX runtime components are
 * missing".
 */
public final class StudioLauncher {
    private StudioLauncher() { }

    /** Opens the studio window and returns when it is closed. */
    public static void launch(String... args) {
        Application.launch(StudioApp.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
