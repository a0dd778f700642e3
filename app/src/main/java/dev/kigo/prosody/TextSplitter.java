package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a poem into lines (newlines, or " / " as in the haiku corpus) and a line into words. A word is a
 * run of letters and digits, joined across an apostrophe (don't, spider’s), a single hyphen (moon-lit),
 * a decimal point or thousands comma between digits (3.14, 1,000) and the dots of a.m.; dashes, em dashes,
 * punctuation, emoji and symbols separate words and count nothing. Linear in the input.
 */
public final class TextSplitter {

    /** A line of the text with its offsets in the whole text ({@code end} exclusive, separator excluded). */
    public record Line(String text, int start, int end) { }

    private final Predicate<String> knowsLeadingApostrophe;

    /** @param knowsLeadingApostrophe whether a lowercase word such as "'tis" exists with its apostrophe */
    public TextSplitter(Predicate<String> knowsLeadingApostrophe) {
        this.knowsLeadingApostrophe = knowsLeadingApostrophe;
    }

    public static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new Line(text.substring(start, i), start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            } else if (c == '/' && i > start && i + 1 < n && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ') {
                lines.add(new Line(text.substring(start, i - 1), start, i - 1));
                start = i + 2;
                i++;
            }
        }
        lines.add(new Line(text.substring(start), start, n));
        return lines;
    }

    public List<WordToken> words(String line) {
        List<WordToken> words = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            int cp = line.codePointAt(i);
            if (!isWordChar(cp)) {
                if (Words.isApostrophe(line.charAt(i)) && i + 1 < n && isWordChar(line.codePointAt(i + 1))
                        && (i == 0 || !isWordChar(line.codePointBefore(i)))) {
                    int end = scanWord(line, i + 1);
                    String candidate = Words.normalize(line.substring(i, end));
                    if (knowsLeadingApostrophe.test(candidate)) {
                        words.add(new WordToken(line.substring(i, end), i, end)); // 'tis, 'twas
                        i = end;
                        continue;
                    }
                }
                i += Character.charCount(cp);
                continue;
            }
            int end = scanWord(line, i);
            words.add(new WordToken(line.substring(i, end), i, end));
            i = end;
        }
        return words;
    }

    /** The end of the word that starts at {@code start}. */
    private static int scanWord(String line, int start) {
        int n = line.length();
        int i = start;
        while (i < n) {
            int cp = line.codePointAt(i);
            if (isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            char c = line.charAt(i);
            boolean nextIsWordChar = i + 1 < n && isWordChar(line.codePointAt(i + 1));
            char previous = line.charAt(i - 1);
            if (nextIsWordChar && (Words.isApostrophe(c) || isJoiningHyphen(c) && !isJoiningHyphen(previous))) {
                i++;
                continue;
            }
            if ((c == '.' || c == ',') && Character.isDigit(previous) && nextIsWordChar && Character.isDigit(line.charAt(i + 1))) {
                i++;
                continue;
            }
            if (c == '.' && Character.isLetter(previous) && isSingleLetterRun(line, start, i)) {
                i++; // a.m., u.s.
                continue;
            }
            break;
        }
        return i;
    }

    /** True when the word so far is like "a" or "a.m" and the dot belongs to an abbreviation. */
    private static boolean isSingleLetterRun(String line, int start, int dot) {
        boolean followedByLetterDot = dot + 2 < line.length() && Character.isLetter(line.charAt(dot + 1)) && line.charAt(dot + 2) == '.';
        boolean insideAbbreviation = dot - start >= 3 && line.charAt(dot - 2) == '.';
        return (dot - start == 1 && followedByLetterDot) || insideAbbreviation && dot - start <= 12;
    }

    private static boolean isJoiningHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
