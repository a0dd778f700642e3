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
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.SOMETIMES);
        HBox prompt = new HBox(8, heading, mode, keywords, form, gap, add, remove, save, recent, runAll, stopAll);
        prompt.setAlignment(Pos.CENTER_LEFT);
        prompt.setPadding(new Insets(12));
        prompt.getStyleClass().add("comparison-prompt");

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

        Label hint = new Label();
        hint.setId("compare-notice");
        String help = "Columns on one model write together, one step for all. Keep puts a poem in the editor;"
                + " Save stores it in the library with the settings that wrote it.";
        hint.textProperty().bind(Bindings.when(comparison.noticeProperty().isEmpty()).then(help)
                .otherwise(comparison.noticeProperty()));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setPadding(new Insets(0, 12, 10, 12));
        hint.setWrapText(true);

        BorderPane root = new BorderPane(scroll);
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

    /** Run all (Shortcut+Enter in this window). */
    public void runAll() {
        comparison.runAll(actions.editorText());
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
