package dev.kigo.ui.view;

import atlantafx.base.theme.Styles;
import dev.kigo.library.Comparison;
import dev.kigo.prosody.Form;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.Theme;
import dev.kigo.ui.viewmodel.ComparisonColumnViewModel;
import dev.kigo.ui.viewmodel.ComparisonViewModel;
import dev.kigo.ui.viewmodel.ModelSession;
import dev.kigo.ui.viewmodel.ProsodyViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Compare window: one prompt on top (keywords, or the poem in the editor continued), two to four columns
 * beside each other, Run all and Stop all. The poet keeps a column's poem into the editor or saves it to the library.
 */
public final class ComparisonWindow {

    /** What the window does with a column's poem, outside the comparison (the editor, the library). */
    public interface Actions {
        /** The poem in the editor, for Continue. */
        String editorText();

        /** Puts a column's poem into the editor as a new stanza. */
        void keep(ComparisonColumnViewModel column);

        /** Saves a column's poem to the library with its generation record. */
        void save(ComparisonColumnViewModel column);
    }

    private final Stage stage = new Stage();
    private final ComparisonViewModel comparison;
    private final HBox columns = new HBox(12);
    private final FlowPane sampleCards = new FlowPane(12, 12);
    private final ToggleButton samplesMode = new ToggleButton("N samples");
    private final Button runAll = new Button("Run all");
    private final Button stopAll = new Button("Stop all");
    private final Actions actions;
    private final ProsodyViewModel prosody;
    private final BooleanExpression keepFormPossible;
    private final BooleanExpression canSave;

    public ComparisonWindow(Window owner, ComparisonViewModel comparison, ModelSession session, ProsodyViewModel prosody,
                            BooleanExpression canSave, Actions actions, ObservableValue<Theme> theme,
                            List<String> stylesheets) {
        this.comparison = comparison;
        this.actions = actions;
        this.prosody = prosody;
        this.canSave = canSave;
        stage.initOwner(owner);
        stage.setTitle("Kigo — Compare");

        Label heading = new Label("Compare");
        heading.getStyleClass().add(Styles.TITLE_3);
        ComboBox<GenerationMode> mode = new ComboBox<>(FXCollections.observableArrayList(GenerationMode.values()));
        mode.setId("compare-mode");
        mode.valueProperty().bindBidirectional(comparison.modeProperty());
        TextField keywords = new TextField();
        keywords.setId("compare-keywords");
        keywords.setPromptText("Keywords, e.g. autumn moon, heron");
        keywords.textProperty().bindBidirectional(comparison.keywordsProperty());
        keywords.disableProperty().bind(comparison.modeProperty().isNotEqualTo(GenerationMode.FROM_KEYWORDS));
        keywords.setOnAction(e -> runAll());
        HBox.setHgrow(keywords, Priority.ALWAYS);
        Label form = new Label();
        form.setId("compare-form");
        form.getStyleClass().addAll(Styles.TEXT_MUTED);
        form.textProperty().bind(Bindings.createStringBinding(() -> formText(prosody.formProperty().get()), prosody.formProperty()));
        form.setTooltip(new Tooltip("The form every column is measured against (choose it in the studio's Generate panel)"));

        Button add = new Button("+ Column");
        add.setId("compare-add-column");
        add.setOnAction(e -> comparison.addColumn());
        add.disableProperty().bind(Bindings.size(comparison.columns()).greaterThanOrEqualTo(ComparisonViewModel.MAX_COLUMNS)
                .or(comparison.runningProperty()));
        Button remove = new Button("− Column");
        remove.setId("compare-remove-column");
        remove.setOnAction(e -> comparison.removeColumn());
        remove.disableProperty().bind(Bindings.size(comparison.columns()).lessThanOrEqualTo(ComparisonViewModel.MIN_COLUMNS)
                .or(comparison.runningProperty()));

        runAll.setId("compare-run-all");
        runAll.getStyleClass().add(Styles.ACCENT);
        runAll.setTooltip(new Tooltip("Every column writes at once (Shortcut+Enter)"));
        runAll.setOnAction(e -> runAll());
        runAll.disableProperty().bind(session.readyProperty().not().or(comparison.runningProperty()));
        stopAll.setId("compare-stop-all");
        stopAll.getStyleClass().add(Styles.DANGER);
        stopAll.setTooltip(new Tooltip("Stop every column (Esc)"));
        stopAll.setOnAction(e -> comparison.stopAll());
        stopAll.disableProperty().bind(comparison.runningProperty().not());

        Button save = new Button("Save comparison");
        save.setId("compare-save");
        save.setTooltip(new Tooltip("Keep the prompt and every column (settings, seed, text) as one record in the library"));
        save.setOnAction(e -> comparison.save());
        save.disableProperty().bind(comparison.runningProperty().or(comparison.savedIdProperty().isNotNull()).or(canSave.not()));
        MenuButton recent = new MenuButton("Recent");
        recent.setId("compare-recent");
        recent.setTooltip(new Tooltip("Reopen a saved comparison as it was"));
        recent.disableProperty().bind(canSave.not().or(comparison.runningProperty()));
        recent.setOnShowing(e -> comparison.refreshRecent());
        comparison.recent().addListener((ListChangeListener<Comparison>) change -> recent.getItems().setAll(
                comparison.recent().stream().map(this::recentItem).toList()));
        comparison.refreshRecent();


        keepFormPossible = comparison.modeProperty().isEqualTo(GenerationMode.FROM_KEYWORDS)
                .and(prosody.readyProperty()).and(session.readyProperty())
                .and(Bindings.createBooleanBinding(() -> prosody.formProperty().get() != null
                        && !prosody.formProperty().get().isFree(), prosody.formProperty()));

        columns.setId("compare-columns");
        columns.setPadding(new Insets(12));
        columns.setFillHeight(true);
        comparison.columns().addListener((ListChangeListener<ComparisonColumnViewModel>) change -> showColumns());
        showColumns();
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("comparison-scroll");

        // N samples: column A's settings, many seeds, as a grid of cards to pick from.
        sampleCards.setId("compare-samples");
        sampleCards.setPadding(new Insets(12));
        comparison.samples().addListener((ListChangeListener<ComparisonColumnViewModel>) change -> sampleCards.getChildren()
                .setAll(comparison.samples().stream().map(sample -> new SampleCard(sample, prosody)).toList()));
        Spinner<Integer> count = new Spinner<>(ComparisonViewModel.MIN_SAMPLES, ComparisonViewModel.MAX_SAMPLES,
                comparison.sampleCountProperty().get());
        count.setId("compare-sample-count");
        count.setPrefWidth(80);
        count.valueProperty().addListener((obs, old, now) -> comparison.sampleCountProperty().set(now));
        Label countLabel = new Label("samples of column A's settings, one seed after another");
        countLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Button keepPicked = new Button("Keep picked");
        keepPicked.setId("compare-keep-picked");
        keepPicked.getStyleClass().add(Styles.ACCENT);
        keepPicked.setTooltip(new Tooltip("Put every picked sample into the editor, each as a new stanza"));
        keepPicked.setOnAction(e -> comparison.samples().stream().filter(s -> s.pickedProperty().get()).forEach(actions::keep));
        keepPicked.disableProperty().bind(comparison.runningProperty());
        HBox samplesBar = new HBox(8, count, countLabel, keepPicked);
        samplesBar.setAlignment(Pos.CENTER_LEFT);
        samplesBar.setPadding(new Insets(12, 12, 0, 12));
        ScrollPane samplesScroll = new ScrollPane(sampleCards);
        samplesScroll.setFitToWidth(true);
        samplesScroll.getStyleClass().add("comparison-scroll");
        BorderPane samplesPane = new BorderPane(samplesScroll);
        samplesPane.setTop(samplesBar);

        ToggleButton sideBySide = new ToggleButton("Side by side");
        sideBySide.setId("compare-side-by-side");
        sideBySide.getStyleClass().add(Styles.LEFT_PILL);
        samplesMode.setId("compare-samples-mode");
        samplesMode.getStyleClass().add(Styles.RIGHT_PILL);
        ToggleGroup view = new ToggleGroup();
        sideBySide.setToggleGroup(view);
        samplesMode.setToggleGroup(view);
        sideBySide.setSelected(true);
        // One of the two is always chosen.
        view.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
        });
        samplesMode.disableProperty().bind(comparison.runningProperty());
        sideBySide.disableProperty().bind(comparison.runningProperty());

        Label hint = new Label();
        hint.setId("compare-notice");
        String help = "Columns on one model write together, one step for all. Keep puts a poem in the editor;"
                + " Save stores it in the library with the settings that wrote it.";
        hint.textProperty().bind(Bindings.when(comparison.noticeProperty().isEmpty()).then(help)
                .otherwise(comparison.noticeProperty()));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setPadding(new Insets(0, 12, 10, 12));
        hint.setWrapText(true);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.SOMETIMES);
        HBox.setHgrow(keywords, Priority.ALWAYS);
        // Two rows: what kind of comparison and the library on top, the prompt and the run below.
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        HBox titleRow = new HBox(10, heading, new HBox(sideBySide, samplesMode), titleGap, recent, save);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        HBox promptRow = new HBox(8, mode, keywords, form, gap, add, remove, runAll, stopAll);
        promptRow.setAlignment(Pos.CENTER_LEFT);
        add.visibleProperty().bind(samplesMode.selectedProperty().not());
        remove.visibleProperty().bind(samplesMode.selectedProperty().not());
        save.visibleProperty().bind(samplesMode.selectedProperty().not());
        for (Button hidden : List.of(add, remove, save)) {
            hidden.managedProperty().bind(hidden.visibleProperty());
        }
        for (Control fixed : List.of(sideBySide, samplesMode, mode, add, remove, save, recent, runAll, stopAll)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        heading.setMinWidth(Region.USE_PREF_SIZE);
        form.setMinWidth(Region.USE_PREF_SIZE);
        keywords.setPrefColumnCount(24);
        runAll.textProperty().bind(Bindings.when(samplesMode.selectedProperty()).then("Write samples").otherwise("Run all"));
        VBox prompt = new VBox(10, titleRow, promptRow);
        prompt.setPadding(new Insets(12));
        prompt.getStyleClass().add("comparison-prompt");

        BorderPane root = new BorderPane(scroll);
        samplesMode.selectedProperty().addListener((obs, old, on) -> root.setCenter(on ? samplesPane : scroll));
        root.setId("comparison-root");
        root.setTop(prompt);
        root.setBottom(hint);
        Scene scene = new Scene(root, 1180, 680);
        scene.getStylesheets().addAll(stylesheets);
        Themes.apply(theme.getValue(), scene);
        theme.addListener((obs, old, now) -> Themes.apply(now, scene));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::runAll);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), comparison::stopAll);
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
    }

    private MenuItem recentItem(Comparison saved) {
        String columns = saved.columns().stream().map(c -> c.label().isEmpty() ? "?" : c.label())
                .collect(Collectors.joining(" · "));
        String prompt = saved.prompt().lines().findFirst().orElse("");
        MenuItem item = new MenuItem(RECENT_DATE.format(saved.createdAt()) + " — “" + prompt + "” — " + columns);
        item.setOnAction(e -> comparison.open(saved));
        return item;
    }

    private static final DateTimeFormatter RECENT_DATE = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private static String formText(Form form) {
        return form == null ? "" : "Form: " + form.name() + (form.isFree() ? "" : " " + form.pattern());
    }

    private void showColumns() {
        columns.getChildren().setAll(comparison.columns().stream().map(column -> {
            ComparisonColumnView view = new ComparisonColumnView(column, prosody, keepFormPossible,
                    () -> comparison.reroll(column, actions.editorText()), () -> actions.keep(column),
                    () -> actions.save(column), canSave);
            HBox.setHgrow(view, Priority.ALWAYS);
            view.setPrefWidth(280);
            return view;
        }).toList());
    }

    /** Run all, or Write samples in N samples (Shortcut+Enter in this window). */
    public void runAll() {
        if (samplesMode.isSelected()) {
            comparison.runSamples(actions.editorText());
        } else {
            comparison.runAll(actions.editorText());
        }
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
