package dev.kigo.ui.help;

import dev.kigo.ui.settings.Theme;
import dev.kigo.ui.view.Themes;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Help menu's windows: the user guide and the list of keyboard shortcuts. Each opens once and comes to front. */
public final class HelpWindows {
    private static final String GUIDE = "user-guide.md";

    private final Window owner;
    private final ObservableValue<Theme> theme;
    private final List<String> stylesheets;
    private Stage guide;
    private Stage shortcuts;

    public HelpWindows(Window owner, ObservableValue<Theme> theme, List<String> stylesheets) {
        this.owner = owner;
        this.theme = theme;
        this.stylesheets = stylesheets;
    }

    /** Help › User guide: the guide shipped inside the application, as formatted text. */
    public void showGuide() {
        if (guide == null) {
            VBox page = new VBox(10);
            page.getChildren().addAll(GuideText.render(guideMarkdown()));
            guide = window("Kigo user guide", "user-guide", page, 760, 820);
        }
        guide.show();
        guide.toFront();
    }

    /** Help › Keyboard shortcuts: every menu command that has keys, read from the menus themselves. */
    public void showShortcuts(MenuBar menus) {
        if (shortcuts == null) {
            GridPane table = new GridPane();
            table.setId("shortcuts-table");
            table.setHgap(24);
            table.setVgap(4);
            int row = 0;
            for (Menu menu : menus.getMenus()) {
                boolean headed = false;
                for (MenuItem item : menu.getItems()) {
                    if (item instanceof SeparatorMenuItem || item.getAccelerator() == null) {
                        continue;
                    }
                    if (!headed) {
                        Label heading = new Label(menu.getText().replace("_", ""));
                        heading.getStyleClass().add("guide-heading");
                        table.add(heading, 0, row++, 2, 1);
                        headed = true;
                    }
                    Label keys = new Label(item.getAccelerator().getDisplayText());
                    keys.getStyleClass().add("shortcut-keys");
                    table.add(keys, 0, row);
                    table.add(new Label(item.getText().replace("_", "")), 1, row++);
                }
            }
            shortcuts = window("Keyboard shortcuts", "shortcuts", table, 460, 640);
        }
        shortcuts.show();
        shortcuts.toFront();
    }

    private Stage window(String title, String id, Parent content, double width, double height) {
        content.getStyleClass().add("help-page");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(18, 22, 18, 22));
        scroll.setId(id);
        Scene scene = new Scene(scroll, width, height);
        scene.getStylesheets().addAll(stylesheets);
        Themes.apply(theme.getValue(), scene);
        theme.addListener((obs, old, now) -> Themes.apply(now, scene));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        return stage;
    }

    static String guideMarkdown() {
        try (InputStream in = HelpWindows.class.getResourceAsStream(GUIDE)) {
            if (in == null) {
                return "# User guide\n\nThis build of Kigo has no user guide inside it; read docs/user-guide.md.";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "# User guide\n\nThe user guide could not be read: " + e.getMessage();
        }
    }
}
