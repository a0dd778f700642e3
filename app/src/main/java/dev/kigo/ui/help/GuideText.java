package dev.kigo.ui.help;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user guide's Markdown as JavaFX nodes: headings, paragraphs, bullets and tables, with bold, code and
 * links as text. Only what docs/user-guide.md uses; pictures show their caption, as they live beside the
 * guide in docs/ and not in the application.
 */
public final class GuideText {
    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`]+)`|\\[([^]]+)]\\([^)]*\\)");
    private static final Pattern PICTURE = Pattern.compile("!\\[([^]]*)]\\([^)]*\\)");

    private GuideText() { }

    /** One node per block, in order. */
    public static List<Node> render(String markdown) {
        List<Node> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        List<String> table = new ArrayList<>();
        for (String line : markdown.replace("\r", "").split("\n", -1)) {
            if (!line.startsWith("|") && !table.isEmpty()) {
                blocks.add(table(table));
                table.clear();
            }
            if (line.isBlank()) {
                flush(paragraph, blocks);
            } else if (line.startsWith("#")) {
                flush(paragraph, blocks);
                int level = line.indexOf(' ');
                TextFlow heading = flow(line.substring(level + 1).strip());
                heading.getStyleClass().add(level == 1 ? "guide-title" : "guide-heading");
                blocks.add(heading);
            } else if (line.startsWith("|")) {
                flush(paragraph, blocks);
                table.add(line);
            } else if (line.startsWith("- ")) {
                flush(paragraph, blocks);
                paragraph.add(line);
            } else if (PICTURE.matcher(line.strip()).matches()) {
                flush(paragraph, blocks);
                Matcher picture = PICTURE.matcher(line.strip());
                picture.matches();
                Label caption = new Label("Picture in docs/: " + picture.group(1));
                caption.getStyleClass().add("guide-picture");
                blocks.add(caption);
            } else {
                paragraph.add(line.strip());
            }
        }
        flush(paragraph, blocks);
        if (!table.isEmpty()) {
            blocks.add(table(table));
        }
        return blocks;
    }

    /** All the words of the rendered nodes, for searching and tests. */
    public static String plainText(List<Node> blocks) {
        StringBuilder text = new StringBuilder();
        for (Node block : blocks) {
            collect(block, text);
            text.append('\n');
        }
        return text.toString();
    }

    private static void collect(Node node, StringBuilder text) {
        if (node instanceof Text t) {
            text.append(t.getText());
        } else if (node instanceof Label label) {
            text.append(label.getText()).append(' ');
        } else if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, text));
            if (node instanceof GridPane) {
                text.append(' ');
            }
        }
    }

    private static void flush(List<String> paragraph, List<Node> blocks) {
        if (paragraph.isEmpty()) {
            return;
        }
        String joined = String.join(" ", paragraph);
        TextFlow flow = flow(joined.startsWith("- ") ? "•  " + joined.substring(2) : joined);
        flow.getStyleClass().add(joined.startsWith("- ") ? "guide-bullet" : "guide-paragraph");
        blocks.add(flow);
        paragraph.clear();
    }

    /** Text with **bold**, `code` and [links](…) (shown as their words). */
    static TextFlow flow(String markdown) {
        TextFlow flow = new TextFlow();
        Matcher m = INLINE.matcher(markdown);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                flow.getChildren().add(text(markdown.substring(at, m.start()), null));
            }
            if (m.group(1) != null) {
                flow.getChildren().add(text(m.group(1), "guide-strong"));
            } else if (m.group(2) != null) {
                flow.getChildren().add(text(m.group(2), "guide-code"));
            } else {
                flow.getChildren().add(text(m.group(3), null));
            }
            at = m.end();
        }
        if (at < markdown.length()) {
            flow.getChildren().add(text(markdown.substring(at), null));
        }
        return flow;
    }

    private static Text text(String words, String style) {
        Text text = new Text(words);
        text.getStyleClass().add("guide-text");
        if (style != null) {
            text.getStyleClass().add(style);
        }
        return text;
    }

    private static GridPane table(List<String> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (String line : rows) {
            if (line.matches("\\|[-| :]+\\|?")) {
                continue;
            }
            String[] cells = line.replaceAll("^\\|", "").replaceAll("\\|$", "").split("(?<!\\\\)\\|");
            for (int column = 0; column < cells.length; column++) {
                TextFlow cell = flow(cells[column].strip());
                if (row == 0) {
                    cell.getStyleClass().add("guide-table-head");
                }
                grid.add(cell, column, row);
            }
            row++;
        }
        ColumnConstraints first = new ColumnConstraints();
        first.setMaxWidth(300);
        ColumnConstraints rest = new ColumnConstraints();
        rest.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(first, rest);
        return grid;
    }
}
