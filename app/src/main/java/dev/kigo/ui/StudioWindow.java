package dev.kigo.ui;

import dev.kigo.ui.help.HelpWindows;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.Theme;
import dev.kigo.ui.settings.WindowBounds;
import dev.kigo.ui.view.ErrorBanner;
import dev.kigo.ui.view.ExportDialog;
import dev.kigo.ui.view.GenerationPanel;
import dev.kigo.ui.view.LibraryPane;
import dev.kigo.ui.view.CraftHintBar;
import dev.kigo.ui.view.PoemEditor;
import dev.kigo.ui.view.PrecisionMenu;
import dev.kigo.ui.view.ProsodyDecorations;
import dev.kigo.ui.view.RepaintAnchor;
import dev.kigo.ui.view.SamplingPanel;
import dev.kigo.ui.view.StudioStatusBar;
import dev.kigo.ui.view.Themes;
import dev.kigo.model.Device;
import dev.kigo.ui.view.GenerationCommands;
import dev.kigo.ui.view.ComparisonWindow;
import dev.kigo.ui.viewmodel.ComparisonColumnViewModel;
import dev.kigo.ui.viewmodel.ComparisonViewModel;
import dev.kigo.ui.viewmodel.GenerationRun;
import dev.kigo.ui.viewmodel.ModelSession;
import dev.kigo.ui.viewmodel.Provenance;
import dev.kigo.ui.viewmodel.ExportViewModel;
import dev.kigo.ui.viewmodel.LibraryViewModel;
import javafx.stage.DirectoryChooser;
import dev.kigo.ui.viewmodel.StudioViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Builds the studio window from its view model: menus with shortcuts, editor, side panel, status bar. */
public final class StudioWindow {

    private final Stage stage;
    private final StudioViewModel model;
    private final PoemEditor editor;
    private final StudioStatusBar statusBar = new StudioStatusBar();
    private final Scene scene;
    private final LibraryViewModel library;
    private final ModelSession session;
    private final GenerationRun generation;
    private final ComparisonViewModel comparison;
    private ComparisonWindow comparisonWindow;
    private final GenerationCommands commands;
    private final LibraryPane libraryPane;
    private final ExportViewModel export;
    private ExportDialog exportDialog;
    private final TabPane sideTabs;
    private final SplitPane split;
    private final BooleanProperty sidePanelShown = new SimpleBooleanProperty(true);
    private double sideDivider = 0.64;
    private HelpWindows help;
    private MenuBar menuBar;
    private final Tab generateTab;
    private final Tab libraryTab;
    /** Last size and place while not maximised, so un-maximising next run restores it. */
    private WindowBounds normalBounds;

    /** The window's view models, built by {@link StudioApp}. */
    public record ViewModels(StudioViewModel studio, ModelSession session, GenerationRun generation,
                             ComparisonViewModel comparison, LibraryViewModel library, ExportViewModel export) {
    }

    public StudioWindow(Stage stage, ViewModels viewModels) {
        this.stage = stage;
        this.model = viewModels.studio();
        this.session = viewModels.session();
        this.editor = new PoemEditor(model);
        this.library = viewModels.library();
        this.generation = viewModels.generation();
        this.comparison = viewModels.comparison();
        this.commands = new GenerationCommands(generation, editor);
        this.export = viewModels.export();
        // A stanza kept from a comparison's column keeps that column's provenance.
        library.setProvenanceSource(stanza -> generation.provenanceOf(stanza)
                .or(() -> comparison.recordFor(stanza).map(record -> new Provenance(record, stanza, false))));
        library.setComparisonSource(() -> comparison.comparisonOf(editor.currentStanza()));
        new ProsodyDecorations(editor, model.prosody());

        GenerationPanel generationPanel = new GenerationPanel(model, session, generation, editor, commands, this::showComparison);
        SamplingPanel samplingPanel = new SamplingPanel(model.sampling(), model.presets());
        VBox side = new VBox(16, generationPanel, samplingPanel);
        side.setPadding(new Insets(12));
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setId("side-panel");

        libraryPane = new LibraryPane(library, this::showExport);
        libraryPane.setPadding(new Insets(12));
        ScrollPane libraryScroll = new ScrollPane(libraryPane);
        libraryScroll.setFitToWidth(true);
        BorderPane generateSide = new BorderPane(sideScroll);
        generateSide.setBottom(generationPanel.actions());
        generateTab = new Tab("Generate", generateSide);
        generateTab.setId("generate-tab");
        libraryTab = new Tab("Library", libraryScroll);
        libraryTab.setId("library-tab");
        sideTabs = new TabPane(generateTab, libraryTab);
        sideTabs.setId("side-tabs");
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        library.setEditorSink(this::appendToEditor);
        library.refresh();

        BorderPane editorPane = new BorderPane(editor);
        editorPane.setBottom(new CraftHintBar(model.prosody()));
        split = new SplitPane(editorPane, sideTabs);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(sideTabs, false);

        BorderPane root = new BorderPane(split);
        root.setId("studio-root");
        menuBar = buildMenuBar();
        root.setTop(new VBox(menuBar, new ErrorBanner(model)));
        sidePanelShown.addListener((obs, old, shown) -> {
            showSidePanel(shown);
            model.sidePanelFoldedProperty().set(!shown);
        });
        sidePanelShown.set(!model.sidePanelFoldedProperty().get());
        root.setBottom(statusBar);
        statusBar.textProperty().bind(session.statusProperty());
        statusBar.progressProperty().bind(session.progressProperty());
        statusBar.device().textProperty().bind(session.deviceProperty());
        StudioStatusBar.showNonEmpty(statusBar.speed(), generation.speedProperty());
        // The notice shows the latest news, whichever said it: a save, or a back-off of the form keeper.
        StringProperty news = new SimpleStringProperty("");
        library.noticeProperty().addListener((obs, old, text) -> news.set(text));
        generation.noteProperty().addListener((obs, old, text) -> news.set(text));
        StudioStatusBar.showNonEmpty(statusBar.notice(), news);

        WindowBounds bounds = model.initialWindowBounds();
        normalBounds = bounds;
        scene = new Scene(root, bounds.width(), bounds.height());
        scene.getStylesheets().add(Objects.requireNonNull(StudioWindow.class.getResource("studio.css")).toExternalForm());
        Themes.apply(model.themeProperty().get(), scene);
        RepaintAnchor repaintAnchor = new RepaintAnchor(scene, generation.runningProperty().or(comparison.runningProperty()));
        statusBar.getRightItems().add(repaintAnchor);
        editor.area().plainTextChanges().subscribe(change -> repaintAnchor.poke());
        model.themeProperty().addListener((obs, old, theme) -> Themes.apply(theme, scene));
        // The menu says Shortcut+= and Shortcut+-; these are the same keys on other layouts and the keypad.
        scene.getAccelerators().put(shortcut(KeyCode.EQUALS, KeyCombination.SHIFT_DOWN), model::increaseFontSize);
        scene.getAccelerators().put(shortcut(KeyCode.PLUS), model::increaseFontSize);
        scene.getAccelerators().put(shortcut(KeyCode.ADD), model::increaseFontSize);
        scene.getAccelerators().put(shortcut(KeyCode.SUBTRACT), model::decreaseFontSize);

        stage.setTitle("Kigo");
        stage.setScene(scene);
        stage.setMinWidth(WindowBounds.MIN_WIDTH);
        stage.setMinHeight(WindowBounds.MIN_HEIGHT);
        // Explicit, because a stage that was sized before keeps its size when given a new scene.
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        // A place on a monitor that is no longer there would open the window out of sight: then the system places it.
        if (bounds.hasPosition() && !javafx.stage.Screen.getScreensForRectangle(bounds.x(), bounds.y(),
                Math.min(bounds.width(), 200), 40).isEmpty()) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
        trackNormalBounds();
    }

    public void show() {
        stage.show();
        editor.area().requestFocus();
    }

    public GenerationRun generation() {
        return generation;
    }

    public ModelSession session() {
        return session;
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    /**
     * Opens the Compare window (Shortcut+Shift+C), its keywords those of the Generate panel the first time, so the
     * poet compares settings on the prompt they were writing from.
     */
    public void showComparison() {
        if (comparisonWindow == null) {
            if (comparison.keywordsProperty().get().isBlank()) {
                comparison.keywordsProperty().set(model.keywordsProperty().get());
            }
            comparison.modeProperty().set(model.modeProperty().get());
            comparisonWindow = new ComparisonWindow(stage, comparison, session, model.prosody(),
                    new SimpleBooleanProperty(model.library().isPresent()), new ComparisonWindow.Actions() {
                        @Override
                        public String editorText() {
                            return editor.text();
                        }

                        @Override
                        public void keep(ComparisonColumnViewModel column) {
                            appendToEditor(column.textProperty().get().strip());
                        }

                        @Override
                        public void save(ComparisonColumnViewModel column) {
                            // The comparison is saved first (once), so the piece links back to it.
                            String text = column.textProperty().get();
                            var record = column.record().orElse(null);
                            String keywords = comparison.modeProperty().get() == GenerationMode.FROM_KEYWORDS
                                    ? comparison.keywordsProperty().get() : "";
                            comparison.save().thenAccept(id -> library.save(text, keywords, record, id));
                        }
                    }, model.themeProperty(), scene.getStylesheets());
        }
        comparisonWindow.show();
    }

    /** The Compare window, once opened; null before. */
    public ComparisonWindow comparisonWindow() {
        return comparisonWindow;
    }

    public GenerationCommands commands() {
        return commands;
    }

    /** Loads the model the poet used last (or the shipped one) behind the open window. */
    public void loadStartupModel() {
        boolean remembered = !model.modelDirProperty().get().isBlank();
        session.load(model.startupModelDir(), StudioWindow.device(), true, () -> { }, () -> {
            if (remembered) {
                // The folder used last no longer loads: next time (and now) the shipped model instead.
                model.modelDirProperty().set("");
                session.load(model.startupModelDir(), StudioWindow.device(), true);
            }
        });
    }

    /** Shows the library beside the editor with the caret in its search box (Shortcut+L). */
    public void showLibrary() {
        sidePanelShown.set(true);
        sideTabs.getSelectionModel().select(libraryTab);
        libraryPane.focusSearch();
    }

    /** Opens the export dialog for the pieces selected in the library, its search result or all (Shortcut+E). */
    public void showExport() {
        if (exportDialog == null) {
            exportDialog = new ExportDialog(stage, export, model.themeProperty(), scene.getStylesheets());
        }
        export.open(libraryPane.selectedPieces(), List.copyOf(library.pieces()));
        exportDialog.show();
    }

    public ExportViewModel export() {
        return export;
    }

    /** Shows the generation panel (Shortcut+G). */
    public void showGenerationPanel() {
        sidePanelShown.set(true);
        sideTabs.getSelectionModel().select(generateTab);
    }

    /** Whether the side panel (generation and library) is beside the editor; off leaves the poem the whole width. */
    public BooleanProperty sidePanelShownProperty() {
        return sidePanelShown;
    }

    private void showSidePanel(boolean shown) {
        if (shown && !split.getItems().contains(sideTabs)) {
            split.getItems().add(sideTabs);
            split.setDividerPositions(sideDivider);
        } else if (!shown && split.getItems().contains(sideTabs)) {
            sideDivider = split.getDividerPositions()[0];
            split.getItems().remove(sideTabs);
            editor.area().requestFocus();
        }
    }

    /** Help › User guide. */
    public void showUserGuide() {
        help().showGuide();
    }

    /** Help › Keyboard shortcuts. */
    public void showShortcuts() {
        help().showShortcuts(menuBar);
    }

    private HelpWindows help() {
        if (help == null) {
            help = new HelpWindows(stage, model.themeProperty(), scene.getStylesheets());
        }
        return help;
    }

    /** A piece copied from the library: a new stanza at the end of the editor. */
    private void appendToEditor(String text) {
        if (generation.runningProperty().get()) {
            // Accepting now would cut the run off from the editor mid-line.
            model.showError("The model is still writing: stop it or let it finish, then copy the piece again.");
            return;
        }
        editor.acceptGenerated();
        String current = editor.text();
        String before = current.isBlank() ? "" : current.endsWith("\n\n") ? "" : current.endsWith("\n") ? "\n" : "\n\n";
        editor.area().appendText(before + text + "\n");
        editor.area().moveTo(editor.area().getLength());
        editor.area().requestFocus();
    }

    private void chooseModelFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a model folder (model.onnx + tokenizer.json)");
        java.nio.file.Path current = model.startupModelDir();
        if (java.nio.file.Files.isDirectory(current.getParent() == null ? current : current.getParent())) {
            chooser.setInitialDirectory((current.getParent() == null ? current : current.getParent()).toFile());
        }
        java.io.File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            openModelFolder(chosen.toPath());
        }
    }

    private void openModelFolder(java.nio.file.Path folder) {
        // Remembered for the next start only once it has loaded.
        generation.stop();
        session.load(folder, StudioWindow.device(), false,
                () -> model.modelDirProperty().set(folder.toAbsolutePath().toString()), () -> { });
    }

    /** CPU unless -Dkigo.device=cuda asks for the GPU (the engine falls back to CPU and says so). */
    static Device device() {
        try {
            return Device.parse(System.getProperty("kigo.device", "cpu"));
        } catch (IllegalArgumentException e) {
            return Device.CPU;
        }
    }

    public LibraryViewModel library() {
        return library;
    }

    public StudioViewModel model() {
        return model;
    }

    public PoemEditor editor() {
        return editor;
    }

    public StudioStatusBar statusBar() {
        return statusBar;
    }

    public WindowBounds currentBounds() {
        return new WindowBounds(normalBounds.x(), normalBounds.y(), normalBounds.width(), normalBounds.height(),
                stage.isMaximized());
    }

    /** Saves settings and draft; called when the window closes or the app stops. */
    public void saveNow() {
        model.saveNow(currentBounds(), editor.text());
    }

    private void trackNormalBounds() {
        Runnable update = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
                normalBounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener(o -> update.run());
        stage.yProperty().addListener(o -> update.run());
        stage.widthProperty().addListener(o -> update.run());
        stage.heightProperty().addListener(o -> update.run());
    }

    private MenuBar buildMenuBar() {
        MenuItem save = item("Save to library", shortcut(KeyCode.S), () -> library.save(editor.currentStanza()));
        save.setId("menu-save");
        save.setDisable(model.library().isEmpty());
        MenuItem quit = item("Quit", shortcut(KeyCode.Q), () -> {
            saveNow();
            stage.close();
        });
        MenuItem openModel = item("Open model folder…", shortcut(KeyCode.O), this::chooseModelFolder);
        openModel.setId("menu-open-model");
        MenuItem exportItem = item("Export…", shortcut(KeyCode.E), this::showExport);
        exportItem.setId("menu-export");
        exportItem.setDisable(model.library().isEmpty());
        PrecisionMenu precision = new PrecisionMenu(model::startupModelDir, this::openModelFolder);
        Menu file = new Menu("_File", null, openModel, precision, save, exportItem, new SeparatorMenuItem(), quit);

        // Not while the model writes: undoing its text would cut the run off from the editor.
        MenuItem undo = item("Undo", shortcut(KeyCode.Z), () -> {
            if (editor.area().isEditable()) {
                editor.area().undo();
            }
        });
        MenuItem redo = item("Redo", shortcut(KeyCode.Z, KeyCombination.SHIFT_DOWN), () -> {
            if (editor.area().isEditable()) {
                editor.area().redo();
            }
        });
        MenuItem cut = item("Cut", shortcut(KeyCode.X), () -> onFocusedText(TextInputControl::cut, area -> {
            if (area.isEditable()) {
                area.cut();
            }
        }));
        MenuItem copy = item("Copy", shortcut(KeyCode.C), () -> onFocusedText(TextInputControl::copy, StyleClassedTextArea::copy));
        MenuItem paste = item("Paste", shortcut(KeyCode.V), () -> onFocusedText(TextInputControl::paste, area -> {
            if (area.isEditable()) {
                area.paste();
            }
        }));
        MenuItem selectAll = item("Select all", shortcut(KeyCode.A), () -> onFocusedText(TextInputControl::selectAll,
                StyleClassedTextArea::selectAll));
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, new SeparatorMenuItem(), selectAll);

        MenuItem generateItem = item("Generate", shortcut(KeyCode.ENTER), commands::generate);
        MenuItem stopItem = item("Stop", new KeyCodeCombination(KeyCode.ESCAPE), commands::stop);
        MenuItem regenerateItem = item("Regenerate", shortcut(KeyCode.R, KeyCombination.SHIFT_DOWN), commands::regenerate);
        MenuItem continueItem = item("Continue", shortcut(KeyCode.ENTER, KeyCombination.SHIFT_DOWN), commands::continueText);
        MenuItem acceptItem = item("Accept pending text", shortcut(KeyCode.A, KeyCombination.SHIFT_DOWN), commands::accept);
        MenuItem discardItem = item("Discard pending text", shortcut(KeyCode.D, KeyCombination.SHIFT_DOWN), commands::discard);
        MenuItem compareItem = item("Compare settings side by side…", shortcut(KeyCode.C, KeyCombination.SHIFT_DOWN),
                this::showComparison);
        compareItem.setId("menu-compare");
        MenuItem newSeed = item("Roll a new seed", shortcut(KeyCode.D), () -> model.sampling().rollSeed());
        CheckMenuItem lockSeed = new CheckMenuItem("Lock the seed");
        lockSeed.setId("menu-lock-seed");
        lockSeed.selectedProperty().bindBidirectional(model.sampling().seedLockedProperty());
        var idle = session.readyProperty().and(generation.runningProperty().not());
        generateItem.disableProperty().bind(idle.not());
        regenerateItem.disableProperty().bind(idle.not());
        continueItem.disableProperty().bind(idle.not());
        stopItem.disableProperty().bind(generation.runningProperty().not());
        acceptItem.disableProperty().bind(editor.pendingGeneratedProperty().not().or(generation.runningProperty()));
        discardItem.disableProperty().bind(acceptItem.disableProperty());
        Menu generate = new Menu("_Generate", null, generateItem, stopItem, regenerateItem, continueItem, acceptItem,
                discardItem, new SeparatorMenuItem(), compareItem, new SeparatorMenuItem(), newSeed, lockSeed);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark-theme");
        dark.setAccelerator(shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN));
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((obs, old, on) -> model.themeProperty().set(on ? Theme.DARK : Theme.LIGHT));
        model.themeProperty().addListener((obs, old, theme) -> dark.setSelected(theme == Theme.DARK));
        MenuItem bigger = item("Larger text", shortcut(KeyCode.EQUALS), model::increaseFontSize);
        MenuItem smaller = item("Smaller text", shortcut(KeyCode.MINUS), model::decreaseFontSize);
        MenuItem resetSize = item("Default text size", shortcut(KeyCode.DIGIT0), model::resetFontSize);
        MenuItem showLibrary = item("Library", shortcut(KeyCode.L), this::showLibrary);
        showLibrary.setId("menu-library");
        MenuItem showGenerate = item("Generation panel", shortcut(KeyCode.G), this::showGenerationPanel);
        CheckMenuItem sidePanel = new CheckMenuItem("Side panel");
        sidePanel.setId("menu-side-panel");
        sidePanel.setAccelerator(shortcut(KeyCode.B));
        sidePanel.selectedProperty().bindBidirectional(sidePanelShown);
        Menu view = new Menu("_View", null, showGenerate, showLibrary, sidePanel, new SeparatorMenuItem(), dark,
                new SeparatorMenuItem(), bigger, smaller, resetSize);

        MenuItem guide = item("User guide", new KeyCodeCombination(KeyCode.F1), this::showUserGuide);
        guide.setId("menu-user-guide");
        MenuItem keys = item("Keyboard shortcuts", shortcut(KeyCode.SLASH), this::showShortcuts);
        keys.setId("menu-shortcuts");
        Menu helpMenu = new Menu("_Help", null, guide, keys);

        MenuBar bar = new MenuBar(file, edit, generate, view, helpMenu);
        bar.setId("menu-bar");
        return bar;
    }

    /**
     * Runs an Edit menu command on the text field that has the caret (keywords, a sampling knob, the library's
     * search), or else on the poem.
     */
    private void onFocusedText(Consumer<TextInputControl> onField, Consumer<StyleClassedTextArea> onPoem) {
        if (scene.getFocusOwner() instanceof TextInputControl field) {
            onField.accept(field);
        } else {
            onPoem.accept(editor.area());
        }
    }

    static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] modifiers = new KeyCombination.Modifier[more.length + 1];
        modifiers[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, modifiers, 1, more.length);
        return new KeyCodeCombination(code, modifiers);
    }
}
