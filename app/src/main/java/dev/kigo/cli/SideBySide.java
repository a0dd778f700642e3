package dev.kigo.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns of text laid side by side in a terminal of a given width: as many columns to a band as fit at
 * {@link #MIN_COLUMN_WIDTH} or wider, further columns in bands below (so twelve samples make a grid); long lines
 * wrap at word boundaries within their column. A {@link Cell#RULE} splits a column into sections, and each section
 * starts on the same row in every column of a band, so the poems begin side by side and so do the numbers under them.
 */
final class SideBySide {
    static final int MIN_COLUMN_WIDTH = 24;
    static final String GAP = " │ ";
    private static final String RULE_TEXT = "\u0000rule";

    /** One row of a column: text on the left and, optionally, a mark kept to the right edge (a line's count). */
    record Cell(String text, String mark) {
        Cell {
            text = text.equals(RULE_TEXT) ? text : printable(text);
        }

        /** A line across the column that ends one section and begins the next. */
        static final Cell RULE = new Cell(RULE_TEXT, "");

        static Cell of(String text) {
            return new Cell(text, "");
        }
    }

    private SideBySide() { }

    /** How many columns stand side by side in {@code width} characters (at least one). */
    static int perBand(int columns, int width) {
        int fit = (width + GAP.length()) / (MIN_COLUMN_WIDTH + GAP.length());
        return Math.max(1, Math.min(columns, fit));
    }

    /** The columns laid out within {@code width}; each column is its cells, top to bottom. */
    static List<String> layout(List<List<Cell>> columns, int width) {
        int perBand = perBand(columns.size(), width);
        int columnWidth = Math.max(1, (width - GAP.length() * (perBand - 1)) / perBand);
        List<String> lines = new ArrayList<>();
        for (int first = 0; first < columns.size(); first += perBand) {
            if (first > 0) {
                lines.add("");
            }
            List<List<String>> band = new ArrayList<>();
            List<List<Cell>> bandColumns = columns.subList(first, Math.min(columns.size(), first + perBand));
            List<List<List<Cell>>> sections = bandColumns.stream().map(SideBySide::sections).toList();
            int sectionCount = sections.stream().mapToInt(List::size).max().orElse(0);
            for (List<List<Cell>> column : sections) {
                band.add(new ArrayList<>());
            }
            for (int section = 0; section < sectionCount; section++) {
                List<List<String>> rendered = new ArrayList<>();
                for (List<List<Cell>> column : sections) {
                    rendered.add(section < column.size() ? render(column.get(section), columnWidth) : List.of());
                }
                int rows = rendered.stream().mapToInt(List::size).max().orElse(0);
                for (int c = 0; c < rendered.size(); c++) {
                    List<String> out = band.get(c);
                    if (section > 0) {
                        out.add("─".repeat(columnWidth));
                    }
                    out.addAll(rendered.get(c));
                    for (int blank = rendered.get(c).size(); blank < rows; blank++) {
                        out.add("");
                    }
                }
            }
            int height = band.stream().mapToInt(List::size).max().orElse(0);
            for (int row = 0; row < height; row++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < band.size(); c++) {
                    List<String> column = band.get(c);
                    String cell = row < column.size() ? column.get(row) : "";
                    line.append(c == 0 ? "" : GAP).append(c == band.size() - 1 ? cell : pad(cell, columnWidth));
                }
                lines.add(line.toString().stripTrailing());
            }
        }
        return lines;
    }

    /** The column's cells between its rules. */
    private static List<List<Cell>> sections(List<Cell> column) {
        List<List<Cell>> sections = new ArrayList<>();
        sections.add(new ArrayList<>());
        for (Cell cell : column) {
            if (cell == Cell.RULE) {
                sections.add(new ArrayList<>());
            } else {
                sections.get(sections.size() - 1).add(cell);
            }
        }
        return sections;
    }

    /** A column's cells as rows of exactly {@code width} characters or fewer; marks share one right-hand field. */
    private static List<String> render(List<Cell> cells, int width) {
        int markWidth = cells.stream().mapToInt(cell -> width(cell.mark())).max().orElse(0);
        List<String> rows = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.mark().isEmpty()) {
                rows.addAll(wrap(cell.text(), width));
                continue;
            }
            int textWidth = Math.max(1, width - markWidth - 2);
            List<String> wrapped = wrap(cell.text(), textWidth);
            for (int i = 0; i < wrapped.size(); i++) {
                String mark = i == 0 ? cell.mark() : "";
                rows.add(pad(wrapped.get(i), textWidth) + "  " + " ".repeat(markWidth - width(mark)) + mark);
            }
        }
        return rows;
    }

    /** The text in rows at most {@code width} cells wide, broken at spaces (a longer word is cut). */
    static List<String> wrap(String text, int width) {
        List<String> rows = new ArrayList<>();
        String rest = text.stripTrailing();
        while (width(rest) > width) {
            int fits = fittingLength(rest, width);
            int space = rest.lastIndexOf(' ', fits);
            int cut = space > 0 ? space : Math.max(fits, Character.charCount(rest.codePointAt(0)));
            rows.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        rows.add(rest);
        return rows;
    }

    /** How many chars of {@code text} fill at most {@code width} cells. */
    private static int fittingLength(String text, int width) {
        int used = 0;
        int at = 0;
        while (at < text.length()) {
            int c = text.codePointAt(at);
            used += cells(c);
            if (used > width) {
                break;
            }
            at += Character.charCount(c);
        }
        return at;
    }

    /**
     * How many terminal cells the text takes: combining marks and format characters none, East Asian wide and
     * full-width characters and emoji two, the rest one.
     */
    static int width(String text) {
        return text.codePoints().map(SideBySide::cells).sum();
    }

    private static int cells(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF)
                || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /**
     * The text with each control character (a tab, a stray escape from a model's odd token) shown as U+FFFD, so it
     * can neither move the cursor nor break the columns.
     */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return shown.toString();
    }

    private static String pad(String text, int width) {
        int used = width(text);
        return used >= width ? text : text + " ".repeat(width - used);
    }
}
