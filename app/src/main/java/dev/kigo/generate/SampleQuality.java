package dev.kigo.generate;

import dev.kigo.model.TrainingLines;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.PoemChecker;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The model card's sample metrics over a set of generated haiku: how many form three lines, how many scan to
 * the form by Kigo's own counter, distinct-2 (unique word bigrams over all bigrams, across the whole set), and
 * the share of generated lines found verbatim among the training corpus's lines. Short lines ("autumn wind") are
 * common to many haiku, so copying is also given for lines of {@value #LONG_LINE_WORDS} or more words, and for
 * whole pieces whose every line is a training line.
 */
public record SampleQuality(int samples, double threeLineShare, double formShare, double distinct2,
                            double copiedLineShare, int generatedLines, double copiedLongLineShare, int longLines,
                            double copiedPieceShare) {

    public static final int LONG_LINE_WORDS = 4;

    /** As {@link #of(List, PoemChecker, Form, Predicate)} with no training lines: nothing counts as copied. */
    public static SampleQuality of(List<String> texts, PoemChecker checker, Form form) {
        return of(texts, checker, form, line -> false);
    }

    /**
     * @param isTrainingLine whether a generated line is one of the training corpus's lines (words compared as
     *                       {@link dev.kigo.model.TrainingLines#key} makes them: case and punctuation aside)
     */
    public static SampleQuality of(List<String> texts, PoemChecker checker, Form form, Predicate<String> isTrainingLine) {
        int threeLines = 0;
        int fitting = 0;
        int lineCount = 0;
        int copied = 0;
        int longLines = 0;
        int copiedLong = 0;
        int copiedPieces = 0;
        int bigrams = 0;
        Set<String> uniqueBigrams = new HashSet<>();
        for (String text : texts) {
            List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.size() == 3) {
                threeLines++;
            }
            if (!lines.isEmpty() && checker.check(String.join("\n", lines), form).fits()) {
                fitting++;
            }
            int copiedHere = 0;
            for (String line : lines) {
                lineCount++;
                boolean isCopy = isTrainingLine.test(line);
                boolean isLong = TrainingLines.words(line) >= LONG_LINE_WORDS;
                copiedHere += isCopy ? 1 : 0;
                longLines += isLong ? 1 : 0;
                copiedLong += isCopy && isLong ? 1 : 0;
            }
            copied += copiedHere;
            if (!lines.isEmpty() && copiedHere == lines.size()) {
                copiedPieces++;
            }
            String[] words = String.join(" ", lines).toLowerCase(Locale.ROOT).split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                if (!words[i].isEmpty() && !words[i + 1].isEmpty()) {
                    bigrams++;
                    uniqueBigrams.add(words[i] + ' ' + words[i + 1]);
                }
            }
        }
        int n = texts.size();
        return new SampleQuality(n, share(threeLines, n), share(fitting, n),
                share(uniqueBigrams.size(), bigrams), share(copied, lineCount), lineCount,
                share(copiedLong, longLines), longLines, share(copiedPieces, n));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
