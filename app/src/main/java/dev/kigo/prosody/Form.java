package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A poem form: the syllables each line should have, or none for free verse.
 *
 * @param name  "haiku", "tanka", "free" or the pattern itself ("3-5-3")
 * @param lines target syllables per line; empty for free verse
 */
public record Form(String name, List<Integer> lines) {

    public static final Form HAIKU = new Form("haiku", List.of(5, 7, 5));
    public static final Form TANKA = new Form("tanka", List.of(5, 7, 5, 7, 7));
    public static final Form FREE = new Form("free", List.of());
    static final int MAX_LINES = 100;
    static final int MAX_SYLLABLES = 99;
    private static final Pattern PATTERN = Pattern.compile("\\d{1,3}(?:(?:\\s*+[-,/]\\s*+|\\s++)\\d{1,3})*+");

    public Form {
        lines = List.copyOf(lines);
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a form has at most " + MAX_LINES + " lines, not " + lines.size());
        }
        for (int target : lines) {
            if (target < 1 || target > MAX_SYLLABLES) {
                throw new IllegalArgumentException("each line of a form needs 1 to " + MAX_SYLLABLES
                        + " syllables, not " + target);
            }
        }
    }

    /**
     * Parses "haiku", "tanka", "free" or a pattern of line lengths such as "5-7-5", "3 5 3" or "5/7/5".
     *
     * @throws IllegalArgumentException with a sentence for the user when the text is neither
     */
    public static Form parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (trimmed) {
            case "haiku":
                return HAIKU;
            case "tanka":
                return TANKA;
            case "free":
            case "none":
                return FREE;
            default:
                break;
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the form is empty: use haiku, tanka, free or a pattern like 5-7-5");
        }
        // Numbers with one separator between each two: "5--7" or "-5-7-5" is a typing slip, not a form to guess at.
        if (!PATTERN.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("unknown form '" + text
                    + "': use haiku, tanka, free or a pattern of syllables per line like 5-7-5");
        }
        List<Integer> lines = new ArrayList<>();
        for (String part : trimmed.split("\\D+")) {
            lines.add(Integer.parseInt(part));
        }
        return new Form(pattern(lines), lines);
    }

    public boolean isFree() {
        return lines.isEmpty();
    }

    /** "5-7-5", or "free". */
    public String pattern() {
        return isFree() ? "free" : pattern(lines);
    }

    private static String pattern(List<Integer> lines) {
        return String.join("-", lines.stream().map(String::valueOf).toList());
    }
}
