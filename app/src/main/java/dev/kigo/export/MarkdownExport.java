package dev.kigo.export;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CommonMark: "# collection title", "## piece title", lines joined by hard line breaks (a trailing backslash,
 * which editors do not strip like trailing spaces), pieces separated by a thematic break. Characters Markdown
 * would read as syntax are escaped, so a line like "- a dash" or "1. first" stays a line of the poem.
 */
final class MarkdownExport {
    private static final Pattern INLINE_SYNTAX = Pattern.compile("([\\\\`*_\\[\\]<>#|~!])");
    private static final Pattern LINE_START_SYNTAX = Pattern.compile("^([-+=>]|\\d+(?=[.)]))");
    private static final Pattern LEADING_SPACES = Pattern.compile("^( +)");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=#?\\w+;)");

    private MarkdownExport() { }

    static String render(List<ExportItem> items, ExportOptions options) {
        StringBuilder out = new StringBuilder();
        if (!options.collectionTitle().isEmpty()) {
            out.append("# ").append(escape(options.collectionTitle())).append("\n\n");
        }
        for (int i = 0; i < items.size(); i++) {
            ExportItem item = items.get(i);
            if (i > 0) {
                out.append("\n---\n\n");
            }
            if (item.hasTitle()) {
                out.append("## ").append(escape(item.title())).append("\n\n");
            }
            List<String> lines = item.lines();
            for (int line = 0; line < lines.size(); line++) {
                boolean last = line == lines.size() - 1;
                String text = escapeLine(lines.get(line));
                // An empty line inside a piece would end the paragraph: keep it as a line of its own.
                out.append(text.isEmpty() ? "&nbsp;" : text).append(last ? "\n" : "\\\n");
            }
        }
        return out.toString();
    }

    static String escapeLine(String line) {
        String escaped = escape(line);
        Matcher start = LINE_START_SYNTAX.matcher(escaped);
        if (start.find()) {
            escaped = start.group(1).chars().allMatch(Character::isDigit)
                    ? escaped.substring(0, start.end()) + "\\" + escaped.substring(start.end())
                    : "\\" + escaped;
        }
        // Four leading spaces would make a code block: keep the indent as non-breaking spaces.
        Matcher spaces = LEADING_SPACES.matcher(escaped);
        return spaces.find() ? "&nbsp;".repeat(spaces.group(1).length()) + escaped.substring(spaces.end()) : escaped;
    }

    private static String escape(String text) {
        String escaped = INLINE_SYNTAX.matcher(text).replaceAll("\\\\$1");
        // A bare "&" is fine; only one that reads as an entity ("&amp;", "&#42;") needs escaping.
        return ENTITY_LIKE.matcher(escaped).replaceAll("&amp;");
    }
}
