package dev.kigo.ui;

import dev.kigo.ui.settings.StudioPaths;
import dev.kigo.ui.settings.StudioState;
import dev.kigo.ui.settings.StudioStateStore;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts and stops real studio instances on the headless (Monocle) toolkit for UI tests. */
final class StudioRunner {

    private StudioApp app;

    StudioApp start(Path configDir, Path kigoHome) throws Exception {
        FxToolkit.registerPrimaryStage();
        // A cold JVM's first window (classes, CSS, the dictionary) can take longer than TestFX's 10 s when the
        // machine's cores are shared with other builds.
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        StudioPaths paths = new StudioPaths(configDir, kigoHome);
        app = (StudioApp) FxToolkit.setupApplication(() -> new StudioApp(paths));
        return app;
    }

    /** Starts a studio whose saved settings are {@code state} (its model folder opens at start-up), in {@code configDir}. */
    StudioApp start(Path configDir, StudioState state) throws Exception {
        new StudioStateStore(configDir.resolve("studio.json")).save(state);
        return start(configDir, configDir);
    }

    /** Closes the way a window close does: stop() saves settings and draft. */
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
            // TestFX hands the next app the same primary stage: forget its place and size, so a restored
            // window really comes from the saved settings.
            Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
            onFx(() -> {
                stage.setMaximized(false);
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(700);
                stage.setHeight(500);
                return null;
            });
        }
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return action.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} on the FX thread until it holds or the timeout passes. */
    static boolean waitFor(long timeoutMillis, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (onFx(condition)) {
                return true;
            }
            Thread.sleep(20);
        }
        return onFx(condition);
    }
}
