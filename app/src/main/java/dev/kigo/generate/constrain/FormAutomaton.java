package dev.kigo.generate.constrain;

import dev.kigo.prosody.Form;

/**
 * The rules of the constrained mode, character by character: words (ASCII letters and apostrophes) count through
 * the {@link WordMeasure}; spaces and the allowed punctuation end a word and add nothing; the layout's separator
 * ends a line only when its count is exactly met; the closing bracket (or end-of-text) ends the piece only after the
 * last line is met. Everything else (digits, other scripts, symbols, brackets, tabs, double spaces) is refused, so
 * what the checker counts is what the mask counted. This is the reference the per-token fast paths in
 * {@link FormKeeper} must agree with (a test checks it token by token).
 */
final class FormAutomaton {
    /** Punctuation that adds no syllables and keeps the text readable. */
    static final String PUNCTUATION = ",.;:!?-\u2013\u2014\u2026\"\u201C\u201D";
    /**
     * Marks a word may not be glued to: after them comes a space, a line break or more marks. "dusk.ow" and
     * "rain,wind" read badly; after a hyphen, the checker would count "half-hour" as one word (3 syllables in
     * the dictionary) where the mask counted two (half + hour, 2), so compounds are left out of the kept forms.
     */
    static final String STOPS = ",.;:!?\u2026-";
    /** Most punctuation characters one token may carry ("..." yes, a ruler of dashes no). */
    static final int MAX_PUNCTUATION_IN_TOKEN = 3;
    /**
     * Tokens in a row without a letter or line break after which only words, a lone space or a line break may come.
     * With {@link #punctuationMayFollow} this keeps out padding such as ". . . ." and ", - ;".
     */
    static final int MAX_PUNCTUATION_RUN = 2;

    private final int[] targets;
    private final LineLayout layout;
    private final WordMeasure measure;

    FormAutomaton(Form form, LineLayout layout, WordMeasure measure) {
        if (form.isFree()) {
            throw new IllegalArgumentException("Free verse has no syllable counts to keep; choose a form such as 5-7-5.");
        }
        this.targets = form.lines().stream().mapToInt(Integer::intValue).toArray();
        for (int target : targets) {
            if (target > WordMeasure.MAX_LINE_SYLLABLES) {
                throw new IllegalArgumentException("The constrained mode keeps lines of up to "
                        + WordMeasure.MAX_LINE_SYLLABLES + " syllables, not " + target + ".");
            }
        }
        this.layout = layout;
        this.measure = measure;
    }

    LineLayout layout() {
        return layout;
    }

    WordMeasure measure() {
        return measure;
    }

    int lines() {
        return targets.length;
    }

    int target(LineState state) {
        return targets[Math.min(state.line, targets.length - 1)];
    }

    boolean isLastLine(LineState state) {
        return state.line >= targets.length - 1;
    }

    /** Only bits up to the target: a line never needs to know it could be longer than its target. */
    static long upTo(long sums, int target) {
        return sums & (-1L >>> (63 - target));
    }

    /** The sums after a finished word with these readings; 0 if the word cannot fit. */
    static long plusWord(long sums, long readings, int target) {
        long result = 0;
        for (long rest = readings; rest != 0; rest &= rest - 1) {
            result |= sums << Long.numberOfTrailingZeros(rest);
        }
        return upTo(result, target);
    }

    /** The line's sums if the word in progress ended now (0 if it cannot end here). */
    long sumsIfWordEnds(LineState state) {
        if (state.word.isEmpty()) {
            return state.sums;
        }
        return isThirdInARow(state) ? 0 : plusWord(state.sums, measure.readings(state.word), target(state));
    }

    /** "night night night": a word may be written twice in a row, not three times (a small model loops so). */
    static boolean isThirdInARow(LineState state) {
        return state.lastWordRepeats >= 2 && state.word.equals(state.lastWord);
    }

    /** Whether the piece could end now (end-of-text): the last line, its count exactly met. */
    boolean canFinish(LineState state) {
        if (state.finished) {
            return true;
        }
        return isLastLine(state) && state.previous != LineState.START
                && (sumsIfWordEnds(state) >>> target(state) & 1) != 0;
    }

    /**
     * Whether a token without letters or a line break (other than a lone space) may come next: not once the run
     * limit is reached, and not straight after another such token that ended in punctuation (". ." or ", -").
     */
    static boolean punctuationMayFollow(LineState state) {
        return state.punctuationRun < MAX_PUNCTUATION_RUN
                && !(state.punctuationRun >= 1 && state.previous == LineState.PUNCTUATION);
    }

    /** Whether a (normalised) character may ever appear in constrained text of this layout. */
    static boolean isAllowedChar(char c, LineLayout layout) {
        return isWordChar(c) || c == ' ' || c == layout.separator || c != 0 && c == layout.closing
                || PUNCTUATION.indexOf(c) >= 0;
    }

    /** Letters keep their case in token texts (capitals matter to the checker); apostrophes are straightened. */
    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'';
    }

    /**
     * Applies a token's (normalised) text to the state. Returns whether the result still keeps the form; a token
     * that breaks a rule leaves the state half-updated, so try candidates on a copy. {@code lenient} applies the
     * text whatever it breaks (for a token the back-off let through): a line it ends is counted as ended.
     */
    boolean advance(LineState state, String text, boolean lenient) {
        if (state.finished) {
            return lenient; // nothing may follow the closing bracket
        }
        boolean wordChanged = false;
        boolean lettersOrBreak = false;
        boolean punctuationMayFollow = punctuationMayFollow(state);
        for (int i = 0; i < text.length() && !state.finished; i++) {
            char c = text.charAt(i);
            byte previous = state.previous;
            boolean lineStart = previous == LineState.START || previous == LineState.SEPARATOR;
            boolean afterStop = state.afterStop;
            state.afterStop = false;
            if (isWordChar(c)) {
                if (layout.spaced && lineStart && !lenient) {
                    return false;
                }
                if (afterStop && !lenient) {
                    return false; // "dusk.ow", "half-hour": see STOPS
                }
                if (c == '\'' && (previous != LineState.LETTER || state.word.endsWith("'")) && !lenient) {
                    // A clitic ('t, 's) only continues a word, never starts one; "wintin''s" the checker splits.
                    return false;
                }
                boolean capital = c >= 'A' && c <= 'Z';
                boolean firstLetter = !WordMeasure.hasLetter(state.word);
                if (c != '\'') {
                    state.wordInCapitals = capital && (firstLetter || state.wordInCapitals);
                }
                if (capital && !firstLetter && state.wordInCapitals && !lenient) {
                    return false; // NASA: the checker may spell a word in capitals letter by letter
                }
                state.word = state.word + (capital ? (char) (c + ('a' - 'A')) : c);
                state.previous = LineState.LETTER;
                wordChanged = true;
                lettersOrBreak = true;
            } else if (c == ' ') {
                if (!lenient && (previous == LineState.SPACE || !layout.spaced && lineStart)) {
                    return false;
                }
                if (!endWord(state, lenient)) {
                    return false;
                }
                state.previous = LineState.SPACE;
            } else if (c == layout.separator) {
                lettersOrBreak = true;
                if (!endWord(state, lenient)) {
                    return false;
                }
                if (!lenient && (layout.spaced && previous != LineState.SPACE || !lineMet(state) || isLastLine(state))) {
                    return false;
                }
                state.line = Math.min(state.line + 1, targets.length - 1);
                state.sums = 1L;
                state.previous = LineState.SEPARATOR;
            } else if (c != 0 && c == layout.closing) {
                lettersOrBreak = true;
                if (!endWord(state, lenient)) {
                    return false;
                }
                if (!lenient && (!isLastLine(state) || !lineMet(state))) {
                    return false;
                }
                state.finished = true;
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                if (layout.spaced && lineStart && !lenient) {
                    return false;
                }
                if (c == '-' && previous == LineState.LETTER && !lenient) {
                    // No letters may follow a hyphen (see STOPS), so one glued to a word would dangle ("web- web-");
                    // a dash stands apart: "dusk - crows".
                    return false;
                }
                if (!endWord(state, lenient)) {
                    return false;
                }
                state.previous = LineState.PUNCTUATION;
                state.afterStop = STOPS.indexOf(c) >= 0;
            } else if (!lenient) {
                return false;
            }
        }
        // A lone space is exempt: it cannot repeat (no double spaces) and may be needed before a separator.
        if (!lettersOrBreak && !lenient && !punctuationMayFollow && !text.equals(" ")) {
            return false;
        }
        state.punctuationRun = lettersOrBreak ? 0 : state.punctuationRun + 1;
        if (wordChanged) {
            state.wordFewest = measure.fewestToFinish(state.word);
        }
        return lenient || keepsForm(state);
    }

    /**
     * The state after text the poet gave (their own lines, a word the poet chose), applied leniently: their lines
     * stand as written whatever they count, so the next line starts after them and an open line goes on from its
     * count; a line that already holds too many syllables may only end. Characters the mode never writes are skipped.
     */
    LineState after(String given) {
        LineState state = new LineState();
        advance(state, straightApostrophes(given), true);
        state.punctuationRun = 0;
        return state;
    }

    /** The text with curly apostrophes straight, as token texts are read ({@link TokenTable#normalise}). */
    static String straightApostrophes(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
    }

    /** The state can still reach the form: the line's count can be met with the word in progress finished. */
    boolean keepsForm(LineState state) {
        if (state.finished) {
            return true;
        }
        return state.sums != 0
                && (state.word.isEmpty() || state.fewestSums() + state.wordFewest <= target(state));
    }

    private boolean lineMet(LineState state) {
        return (state.sums >>> target(state) & 1) != 0;
    }

    private boolean endWord(LineState state, boolean lenient) {
        if (state.word.isEmpty()) {
            return true;
        }
        if (isThirdInARow(state) && !lenient) {
            return false;
        }
        if (state.word.equals(state.lastWord)) {
            state.lastWordRepeats++;
        } else {
            state.lastWord = state.word;
            state.lastWordRepeats = 1;
        }
        int target = target(state);
        long sums = plusWord(state.sums, measure.readings(state.word), target);
        state.word = "";
        state.wordInCapitals = false;
        state.wordFewest = 0;
        if (sums == 0) {
            if (!lenient) {
                return false;
            }
            sums = 1L << target; // the back-off ends this line however long it ran
        }
        state.sums = sums;
        return true;
    }
}
