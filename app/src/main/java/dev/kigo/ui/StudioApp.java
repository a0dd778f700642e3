package dev.kigo.ui;

import dev.kigo.generate.YieldingThreads;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.settings.StudioPaths;
import dev.kigo.ui.viewmodel.ComparisonViewModel;
import dev.kigo.ui.viewmodel.ExportViewModel;
import dev.kigo.ui.viewmodel.GenerationRun;
import dev.kigo.ui.viewmodel.LibraryViewModel;
import dev.kigo.ui.viewmodel.ModelSession;
import dev.kigo.ui.viewmodel.StudioViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.security.SecureRandom;

/** The studio as a JavaFX application. Started through {@link StudioLauncher}. */
public final class StudioApp extends Application {

    private final StudioPaths paths;
    private FxExecutor executor;
    private int jitCompilerThreadsLowered;
    private StudioWindow window;
    private StudioViewModel model;
    private ModelSession session;

    /** Used by {@code Application.launch}: paths from system properties and the XDG environment. */
    public StudioApp() {
        this(StudioPaths.fromSystem());
    }

    /** Used by tests: an explicit config directory (a @TempDir) and Kigo home. */
    public StudioApp(StudioPaths paths) {
        this.paths = paths;
    }

    @Override
    public void start(Stage stage) {
        // While the app warms up the JIT compiler wants a core for seconds; the window's frames come first.
        jitCompilerThreadsLowered = YieldingThreads.lowerJitCompilerThreads();
        // Four: the model and the dictionary load at start-up for seconds each, and autosave, Save to library and
        // search must not queue behind them (they are quick, but a crash while they wait would lose the draft).
        executor = new FxExecutor(Platform::runLater, 4);
        model = new StudioViewModel(paths, executor, new SecureRandom());
        session = new ModelSession(executor, model::showError);
        // The gutter marks lines the loaded model learned word for word.
        session.learnedLinesProperty().addListener((obs, old, lines) -> model.prosody().learnedLinesProperty().set(lines));
        GenerationRun generation = new GenerationRun(session, model.generationInputs(), model.sampling(), model.prosody(),
                model::showError, executor);
        ComparisonViewModel comparison = new ComparisonViewModel(session, model.prosody(), model.sampling(),
                model.presets(), model.presetStore(), new SecureRandom(), model.library(), model::showError, executor);
        window = new StudioWindow(stage, new StudioWindow.ViewModels(model, session, generation, comparison,
                new LibraryViewModel(model, executor), new ExportViewModel(model, executor)));
        stage.setOnCloseRequest(e -> window.saveNow());
        window.show();
        // The window is up first; the dictionary loads behind it and the gutter fills in when it is ready.
        model.prosody().load();
        window.loadStartupModel();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveNow();
            window.generation().stop();
            window.comparison().stopAll();
        }
        if (session != null) {
            session.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (model != null) {
            model.close();
        }
    }

    /** How many JIT compiler threads start-up lowered (0 where the OS has no per-thread priority to lower). */
    int jitCompilerThreadsLowered() {
        return jitCompilerThreadsLowered;
    }

    public StudioWindow window() {
        return window;
    }
}
