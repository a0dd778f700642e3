package dev.kigo.library;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a poet types into an FTS5 MATCH expression that cannot be a syntax error. Every word becomes a
 * quoted string (so {@code AND}, {@code NEAR}, {@code -}, {@code :}, {@code (} and stray quotes are plain
 * text); a balanced "quoted phrase" stays a phrase; a trailing {@code *} asks for a prefix match; a
 * {@code tag:}, {@code title:} or {@code keyword:} prefix limits a word to that field. Words are ANDed.
 */
final class FtsQuery {
    private static final Map<String, String> FIELDS = Map.of(
            "title", "title", "text", "text", "tag", "tags", "tags", "tags", "keyword", "keywords",
            "keywords", "keywords");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}]");

    private FtsQuery() { }

    /**
     * FTS5's time grows with every ANDed term (a 100 KB query took seconds on four pieces); no poet searches
     * for more distinct words than a poem holds, so more than this is refused rather than run.
     */
    static final int MAX_TERMS = 64;

    /** The MATCH expression, or empty when the words hold nothing searchable. */
    static Optional<String> toMatchExpression(String userWords) {
        Set<String> terms = new LinkedHashSet<>(); // a repeated word ANDs the same term again: once is enough
        for (String word : splitWords(userWords)) {
            term(word).ifPresent(terms::add);
            if (terms.size() > MAX_TERMS) {
                throw new LibraryException("A search takes at most " + MAX_TERMS + " different words.");
            }
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", terms));
    }

    /**
     * Splits on white space and control characters, keeping a "balanced quoted phrase" (with an optional field
     * prefix) together.
     */
    static List<String> splitWords(String userWords) {
        // FTS5 reads a NUL inside a quoted string as its end ("unterminated string"), a syntax error; no control
        // character is part of a word, so each separates words like a space.
        String input = CONTROL.matcher(userWords).replaceAll(" ");
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            int closing = c == '"' ? input.indexOf('"', i + 1) : -1;
            if (closing > 0) {
                current.append(input, i, closing + 1);
                i = closing + 1;
            } else if (Character.isWhitespace(c)) {
                flush(current, words);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (!current.isEmpty()) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    private static Optional<String> term(String word) {
        String field = null;
        int colon = word.indexOf(':');
        if (colon > 0) {
            String candidate = FIELDS.get(word.substring(0, colon).toLowerCase(Locale.ROOT));
            if (candidate != null) {
                field = candidate;
                word = word.substring(colon + 1);
            }
        }
        boolean prefix = word.endsWith("*");
        String phrase = word.replace("*", "").replace("\"", " ").strip().replaceAll("\\s+", " ");
        if (phrase.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.empty(); // the tokenizer would find no token in it: an empty phrase
        }
        String quoted = "\"" + phrase + "\"" + (prefix ? "*" : "");
        return Optional.of(field == null ? quoted : field + " : " + quoted);
    }
}
