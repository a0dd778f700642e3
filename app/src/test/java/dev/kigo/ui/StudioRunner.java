package dev.kigo.ui;

import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.StudioPaths;
import dev.kigo.ui.settings.StudioState;
import dev.kigo.ui.settings.StudioStateStore;
import javafx.animation.AnimationTimer;
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

    /** The engine's tiny random-weight model (real ONNX Runtime, real tokenizer); -Dkigo.test.model overrides it. */
    static final Path FIXTURE_MODEL = Path.of(System.getProperty("kigo.test.model", Path.of(System.getProperty("kigo.repo.root", ".."))
            .resolve("app/src/test/resources/fixtures/tiny-gpt2/optimum").toAbsolutePath().normalize().toString()));

    /**
     * Starts a studio whose saved settings open the fixture model with {@code mode} and {@code keywords}, at most
     * {@code maxTokens} a run, and waits until the model has loaded.
     */
    StudioApp startOnFixtureModel(Path configDir, GenerationMode mode, String keywords, int maxTokens) throws Exception {
        StudioState state = StudioState.defaults();
        StudioApp started = start(configDir, new StudioState(state.window(), state.theme(),
                state.fontSize(), state.sampling().withMaxTokens(maxTokens), "", state.form(), state.customPattern(),
                mode, keywords, FIXTURE_MODEL.toString(), false));
        if (!waitFor(30_000, () -> started.window().session().readyProperty().get())) {
            throw new AssertionError("the fixture model did not load: " + onFx(() -> started.window().session().statusProperty().get()
                    + " / " + started.window().model().errorMessageProperty().get()));
        }
        return started;
    }

    /** Runs {@code action} on every frame (start and stop it on the FX thread). */
    static AnimationTimer everyFrame(Runnable action) {
        return new AnimationTimer() {
            @Override
            public void handle(long now) {
                action.run();
            }
        };
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
