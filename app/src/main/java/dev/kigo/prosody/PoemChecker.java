package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks a poem against a form: splits lines and words, counts each word, and judges each non-blank line
 * against the form's next target. A line with ambiguous words (fire: 1 or 2) is OK when some choice of
 * readings hits the target; the result says which choice. The same pass notes the poem's craft (season
 * words, cuts, rhymes; see {@link CraftChecker}). Thread-safe; linear in the text.
 */
public final class PoemChecker {

    private final SyllableCounter counter;
    private final TextSplitter splitter;
    private final CraftChecker craft;

    /** A checker that finds season words in the shipped saijiki. */
    public PoemChecker(SyllableCounter counter) {
        this(counter, Saijiki.shipped());
    }

    public PoemChecker(SyllableCounter counter, Saijiki saijiki) {
        this.counter = counter;
        this.craft = new CraftChecker(saijiki);
        PronouncingDictionary dictionary = counter.dictionary();
        this.splitter = new TextSplitter(word -> dictionary.contains(word) || counter.userDictionary().get(word) != null);
    }

    public SyllableCounter counter() {
        return counter;
    }

    public TextSplitter splitter() {
        return splitter;
    }

    /** Checks a whole text (lines separated by newlines or " / ") against a form. */
    public PoemCheck check(String text, Form form) {
        LineByLine reading = lineByLine(form);
        List<TextSplitter.Line> lines = TextSplitter.lines(text == null ? "" : text);
        List<LineResult> results = new ArrayList<>(lines.size());
        for (TextSplitter.Line line : lines) {
            results.add(reading.next(line));
        }
        return new PoemCheck(form, results, reading.missingLines(), craft.check(results));
    }

    /** The season words, cuts and rhymes of lines already checked (a poem read line by line, say). */
    public CraftCheck craft(List<LineResult> lines) {
        return craft.check(lines);
    }

    /** A check that takes the poem one line at a time, for texts too long to hold at once. */
    public LineByLine lineByLine(Form form) {
        return new LineByLine(form);
    }

    /**
     * A poem checked as its lines arrive: it keeps only the form's place and whether all so far fit, so its memory
     * is that of one line however long the poem. Not thread-safe.
     */
    public final class LineByLine {
        private final Form form;
        private int index;
        private int formLine;
        private boolean allFit = true;

        private LineByLine(Form form) {
            this.form = form;
        }

        /** The next line of the text (blank lines included: they keep their place in the index). */
        public LineResult next(TextSplitter.Line line) {
            List<WordToken> tokens = splitter.words(line.text());
            List<WordCount> counts = new ArrayList<>(tokens.size());
            for (WordToken token : tokens) {
                counts.add(counter.count(token.text()));
            }
            Verdict fixedVerdict = null;
            OptionalInt target = OptionalInt.empty();
            if (tokens.isEmpty()) {
                fixedVerdict = Verdict.BLANK;
            } else if (form.isFree()) {
                fixedVerdict = Verdict.UNCHECKED;
            } else if (formLine >= form.lines().size()) {
                fixedVerdict = Verdict.EXTRA;
                formLine++;
            } else {
                target = OptionalInt.of(form.lines().get(formLine++));
            }
            LineResult result = judge(index++, line, tokens, counts, target, fixedVerdict);
            allFit &= result.verdict() == Verdict.OK || result.verdict() == Verdict.BLANK
                    || result.verdict() == Verdict.UNCHECKED;
            return result;
        }

        /** How many lines the form still expects after the last written one. */
        public int missingLines() {
            return form.isFree() ? 0 : Math.max(0, form.lines().size() - formLine);
        }

        /** As {@link PoemCheck#fits()} for the lines so far. */
        public boolean fits() {
            return allFit && missingLines() == 0;
        }

        public Form form() {
            return form;
        }
    }

    /** Checks one line against a target number of syllables (empty target: just count). */
    public LineResult checkLine(String line, OptionalInt target) {
        String safe = line == null ? "" : line;
        List<WordToken> tokens = splitter.words(safe);
        List<WordCount> counts = new ArrayList<>(tokens.size());
        for (WordToken token : tokens) {
            counts.add(counter.count(token.text()));
        }
        Verdict fixed = tokens.isEmpty() ? Verdict.BLANK : target.isEmpty() ? Verdict.UNCHECKED : null;
        return judge(0, new TextSplitter.Line(safe, 0, safe.length()), tokens, counts, target, fixed);
    }

    private static LineResult judge(int index, TextSplitter.Line line, List<WordToken> tokens, List<WordCount> counts,
                                    OptionalInt target, Verdict fixedVerdict) {
        int min = 0;
        int max = 0;
        for (WordCount count : counts) {
            SyllableRange range = count.range();
            min += range.min();
            max += range.max();
        }
        int[] chosen;
        Verdict verdict;
        if (fixedVerdict != null) {
            chosen = preferred(counts);
            verdict = fixedVerdict;
        } else {
            int goal = target.getAsInt();
            if (max < goal) {
                chosen = extreme(counts, true);
                verdict = Verdict.SHORT;
            } else if (min > goal) {
                chosen = extreme(counts, false);
                verdict = Verdict.LONG;
            } else {
                chosen = readingThatHits(counts, goal);
                if (chosen != null) {
                    verdict = Verdict.OK;
                } else {
                    // min <= goal <= max but no combination lands on it: a rare gap between readings
                    chosen = preferred(counts);
                    verdict = sum(chosen) < goal ? Verdict.SHORT : Verdict.LONG;
                }
            }
        }
        List<WordResult> words = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            WordToken token = tokens.get(i);
            words.add(new WordResult(token.text(), token.start(), token.end(), counts.get(i), chosen[i]));
        }
        return new LineResult(index, line.start(), line.end(), line.text(), words, new SyllableRange(min, max),
                sum(chosen), target, verdict);
    }

    /**
     * A choice of one reading per word that sums to the goal, preferring each word's preferred reading
     * from left to right; null if none exists. reachable[i][s]: words i.. can add up to exactly s. The
     * table is (words + 1) x (goal + 1), so it stays small even for long lines.
     */
    private static int[] readingThatHits(List<WordCount> counts, int goal) {
        int n = counts.size();
        boolean[][] reachable = new boolean[n + 1][goal + 1];
        reachable[n][0] = true;
        for (int i = n - 1; i >= 0; i--) {
            for (int reading : counts.get(i).readings()) {
                for (int s = reading; s <= goal; s++) {
                    if (reachable[i + 1][s - reading]) {
                        reachable[i][s] = true;
                    }
                }
            }
        }
        if (!reachable[0][goal]) {
            return null;
        }
        int[] chosen = new int[n];
        int remaining = goal;
        for (int i = 0; i < n; i++) {
            for (int reading : counts.get(i).readings()) {
                if (reading <= remaining && reachable[i + 1][remaining - reading]) {
                    chosen[i] = reading;
                    remaining -= reading;
                    break;
                }
            }
        }
        return chosen;
    }

    private static int[] preferred(List<WordCount> counts) {
        int[] chosen = new int[counts.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = counts.get(i).preferred();
        }
        return chosen;
    }

    private static int[] extreme(List<WordCount> counts, boolean most) {
        int[] chosen = new int[counts.size()];
        for (int i = 0; i < chosen.length; i++) {
            SyllableRange range = counts.get(i).range();
            chosen[i] = most ? range.max() : range.min();
        }
        return chosen;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }
}
