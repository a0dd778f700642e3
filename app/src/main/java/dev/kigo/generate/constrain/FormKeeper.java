package dev.kigo.generate.constrain;

import dev.kigo.generate.GenerationContext;
import dev.kigo.generate.LogitsProcessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The syllable-constrained mode for one generation row: before each token is drawn it sets to -infinity every token
 * that cannot lead to lines of the form's lengths, given the line so far, the word in progress and what the token
 * adds. Runs last in the sampler chain, before temperature and top-k/top-p/min-p, so the truncation chooses among
 * allowed tokens and the softmax re-normalises over them.
 *
 * <p>A step is one pass over flat per-token arrays ({@link TokenTable}); only tokens that continue the word in
 * progress need the dictionary, and those come from a cached walk. Only words of the {@link Lexicon} are written,
 * unless coinages are allowed: then a word the dictionaries cannot complete is allowed through the estimator for the
 * model's few favourite continuations ({@link #UNKNOWN_CANDIDATES}), and only while it would still fit if it ended
 * there.
 *
 * <p>If nothing is left (penalties or the model's own -infinity can rule out the last good tokens), the row backs off:
 * it may end the line or the piece with what it has, and {@link #note} says so; if not even that is possible, every
 * token stays masked and the generator ends the row as {@code CONSTRAINT_DEAD_END}. Keeps per-row state, so make one
 * per row or beam; under beam search it rebuilds its state from whichever beam's context it is given.
 */
final class FormKeeper implements LogitsProcessor {
    /** How many of the most likely out-of-dictionary word continuations are tried with the estimator per step. */
    static final int UNKNOWN_CANDIDATES = 8;

    private final TokenTable table;
    private final FormAutomaton automaton;
    /** Where the row starts: at the piece's beginning, or after the lines the poet gave. */
    private final LineState start;
    private final int[] inTable;
    private final int[] allowed;
    private int stamp;
    private final LineState scratch = new LineState();
    private LineState state;
    private int[] applied = new int[32];
    private int appliedCount;
    private final float[] otherLogits;
    private float[] keptLogits = new float[64];
    private float eotLogit;
    private final int[] unknownIds = new int[UNKNOWN_CANDIDATES];
    private final float[] unknownLogits = new float[UNKNOWN_CANDIDATES];
    private final List<Event> events = new ArrayList<>();

    /** Something unusual at a point of the text (the generated ids before it). */
    private record Event(int[] before, String message) { }

    FormKeeper(TokenTable table, FormAutomaton automaton) {
        this(table, automaton, new LineState());
    }

    FormKeeper(TokenTable table, FormAutomaton automaton, LineState start) {
        this.table = table;
        this.automaton = automaton;
        this.start = start;
        this.state = start.copy();
        this.inTable = new int[table.size()];
        this.allowed = new int[table.size()];
        this.otherLogits = new float[table.otherTokens().length];
    }

    @Override
    public void process(float[] logits, GenerationContext context) {
        process(logits, context.generatedIds());
    }

    /** The same for the generated ids so far. */
    void process(float[] logits, int[] generated) {
        LineState current = stateFor(generated);
        if (!mask(logits, current)) {
            backOff(logits, current, generated);
        }
    }

    /** Masks the logits for this state; false if no token is left. */
    boolean mask(float[] logits, LineState s) {
        float negative = Float.NEGATIVE_INFINITY;
        int n = Math.min(logits.length, table.size());
        for (int id = n; id < logits.length; id++) {
            logits[id] = negative;
        }
        int[] others = table.otherTokens();
        for (int i = 0; i < others.length; i++) {
            otherLogits[i] = others[i] < n ? logits[others[i]] : negative;
        }
        if (s.finished) {
            int eot = table.endOfTextId();
            float keep = eot < n ? logits[eot] : negative;
            Arrays.fill(logits, negative);
            if (eot < n) {
                logits[eot] = keep;
            }
            return keep != negative;
        }
        int target = automaton.target(s);
        long endSums = automaton.sumsIfWordEnds(s);
        boolean spaced = table.layout().spaced;
        byte previous = s.previous;
        boolean lineStart = previous == LineState.START || previous == LineState.SEPARATOR;
        boolean spaceFits = previous != LineState.SPACE && (spaced || !lineStart);
        boolean punctuationLeft = FormAutomaton.punctuationMayFollow(s) && endSums != 0;
        // A token passes when the word it starts needs no more syllables than these limits (-1: never).
        int wordStartLimit = spaceFits && endSums != 0 ? target - Long.numberOfTrailingZeros(endSums) : -1;
        boolean continuing = previous == LineState.LETTER;
        int gluedLimit = continuing || spaced && lineStart || s.afterStop ? -1 : target - s.fewestSums();
        boolean spacedPunctuation = punctuationLeft && spaceFits;
        boolean barePunctuation = punctuationLeft && !(spaced && lineStart);
        if (continuing) {
            stamp++;
            TokenTable.Continuations next = table.continuations(s.word);
            int limit = target - s.fewestSums();
            int[] tokens = next.tokens();
            byte[] fewest = next.fewest();
            for (int i = 0; i < tokens.length; i++) {
                inTable[tokens[i]] = stamp;
                if (fewest[i] <= limit) {
                    allowed[tokens[i]] = stamp;
                }
            }
        }
        for (int id : table.forbidden()) {
            logits[id] = negative;
        }
        forbidTail(logits, table.wordStarts(), wordStartLimit);
        int unknownCount = 0;
        if (!continuing) {
            forbidTail(logits, table.letters(), gluedLimit);
            for (int id : table.apostropheLetters()) {
                logits[id] = negative;
            }
        } else {
            // Every bare-letter token is forbidden except the continuations that fit and, when coinages are
            // allowed, the model's favourite few that leave the dictionaries (tried with the estimator below).
            float unknownFloor = negative;
            int[] letterIds = table.letters().ids();
            if (table.measure().allowsCoinages()) {
                for (int id : letterIds) {
                    float logit = logits[id];
                    if (logit > unknownFloor && inTable[id] != stamp) {
                        unknownCount = insert(id, logit, unknownCount);
                        unknownFloor = unknownCount == UNKNOWN_CANDIDATES ? unknownLogits[unknownCount - 1] : negative;
                    }
                }
            }
            TokenTable.Continuations next = table.continuations(s.word);
            int[] tokens = next.tokens();
            if (keptLogits.length < tokens.length) {
                keptLogits = new float[tokens.length];
            }
            for (int i = 0; i < tokens.length; i++) {
                keptLogits[i] = logits[tokens[i]];
            }
            for (int id : letterIds) {
                logits[id] = negative;
            }
            for (int i = 0; i < tokens.length; i++) {
                if (allowed[tokens[i]] == stamp) {
                    logits[tokens[i]] = keptLogits[i];
                }
            }
            if (s.wordInCapitals) {
                for (int id : table.capitalLetterTokens()) {
                    logits[id] = negative;
                }
                for (int i = 0; i < unknownCount; i++) {
                    if (TokenTable.startsWithCapital(table.text(unknownIds[i]))) {
                        unknownLogits[i] = negative;
                    }
                }
            }
        }
        if (!spacedPunctuation) {
            for (int id : table.spacedPunctuation()) {
                logits[id] = negative;
            }
        }
        if (!(spaceFits && endSums != 0)) {
            for (int id : table.loneSpaces()) {
                logits[id] = negative;
            }
        }
        if (!barePunctuation) {
            for (int id : table.barePunctuation()) {
                logits[id] = negative;
            }
        } else if (continuing) {
            for (int id : table.hyphenPunctuation()) {
                logits[id] = negative;
            }
        }
        int eot = table.endOfTextId();
        eotLogit = eot >= 0 && eot < n ? logits[eot] : negative;
        if (eot >= 0 && eot < n && !automaton.canFinish(s)) {
            logits[eot] = negative;
        }
        for (int i = 0; i < others.length; i++) {
            int id = others[i];
            if (id >= n) {
                continue;
            }
            scratch.copyFrom(s);
            if (logits[id] != negative && !automaton.advance(scratch, table.text(id), false)) {
                logits[id] = negative;
            }
        }
        int limit = target - s.fewestSums();
        for (int i = 0; i < unknownCount; i++) {
            String word = s.word + TokenTable.lower(table.text(unknownIds[i]));
            if (unknownLogits[i] != negative && automaton.measure().fewestToFinish(word) <= limit) {
                logits[unknownIds[i]] = unknownLogits[i];
            }
        }
        if (continuing && s.word.endsWith("'")) {
            for (int id : table.apostropheLetters()) {
                logits[id] = negative; // never two apostrophes in a row ("wintin''s"), as in FormAutomaton
            }
        }
        for (int id = 0; id < n; id++) {
            if (logits[id] != negative) {
                return true; // usually found within the first few hundred ids
            }
        }
        return false;
    }

    private static void forbidTail(float[] logits, TokenTable.ByFewest tokens, int limit) {
        int[] ids = tokens.ids();
        for (int i = tokens.tailFrom(limit); i < ids.length; i++) {
            logits[ids[i]] = Float.NEGATIVE_INFINITY;
        }
    }

    /** Keeps the best few out-of-dictionary candidates by logit, highest first (called only above the floor). */
    private int insert(int id, float logit, int count) {
        int at = Math.min(count, UNKNOWN_CANDIDATES - 1);
        unknownIds[at] = id;
        unknownLogits[at] = logit;
        while (at > 0 && unknownLogits[at - 1] < unknownLogits[at]) {
            int swapId = unknownIds[at - 1];
            float swapLogit = unknownLogits[at - 1];
            unknownIds[at - 1] = unknownIds[at];
            unknownLogits[at - 1] = unknownLogits[at];
            unknownIds[at] = swapId;
            unknownLogits[at] = swapLogit;
            at--;
        }
        return Math.min(count + 1, UNKNOWN_CANDIDATES);
    }

    /**
     * Nothing keeps the form: let the row end the line (or the piece) with what it has, through the tokens that
     * the model itself still allows; if there are none, leave everything masked (a dead end).
     */
    private void backOff(float[] logits, LineState s, int[] before) {
        int line = s.line + 1;
        int target = automaton.target(s);
        long sums = automaton.sumsIfWordEnds(s);
        String sofar = sums == 0 ? "more than " + target : Integer.toString(Long.numberOfTrailingZeros(sums));
        boolean hasWords = !(s.sums == 1L && s.word.isEmpty()) && !s.finished;
        boolean any = false;
        if (hasWords) {
            int[] others = table.otherTokens();
            for (int i = 0; i < others.length; i++) {
                int id = others[i];
                if (otherLogits[i] == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                scratch.copyFrom(s);
                automaton.advance(scratch, table.text(id), true);
                // Only the way out the form itself has here: the separator mid-poem, the closing after the last line.
                if (automaton.isLastLine(s) ? scratch.finished : scratch.line > s.line && !scratch.finished) {
                    logits[id] = otherLogits[i];
                    any = true;
                }
            }
        }
        int eot = table.endOfTextId();
        if (hasWords && automaton.isLastLine(s) && eot < logits.length && eotLogit != Float.NEGATIVE_INFINITY) {
            logits[eot] = eotLogit;
            any = true;
        }
        if (any) {
            events.add(new Event(before, "The form could not be kept on line " + line + " (" + sofar + " of " + target
                    + " syllables): no token the model allowed would keep it, so that line was ended early."));
        } else {
            events.add(new Event(before, "On line " + line + " (" + sofar + " of " + target + " syllables) no token "
                    + "the model allowed could keep the form, so the constrained generation stopped there."));
        }
    }

    /** Sentences about back-offs on the way to this context's text (under beam search, only this beam's). */
    @Override
    public String note(GenerationContext context) {
        return note(context.generatedIds());
    }

    String note(int[] ids) {
        StringBuilder note = new StringBuilder();
        for (Event event : events) {
            if (event.before().length <= ids.length
                    && Arrays.equals(event.before(), Arrays.copyOf(ids, event.before().length))) {
                note.append(note.isEmpty() ? "" : " ").append(event.message());
            }
        }
        return note.toString();
    }

    /** The state after the generated tokens: advanced by one token per step, rebuilt if the beam changed. */
    LineState stateFor(int[] generated) {
        int same = 0;
        int limit = Math.min(appliedCount, generated.length);
        while (same < limit && applied[same] == generated[same]) {
            same++;
        }
        if (same < appliedCount) {
            state = start.copy();
            appliedCount = 0;
        }
        for (int i = appliedCount; i < generated.length; i++) {
            apply(state, generated[i]);
            if (appliedCount == applied.length) {
                applied = Arrays.copyOf(applied, appliedCount * 2);
            }
            applied[appliedCount++] = generated[i];
        }
        return state;
    }

    /** Applies a chosen token: it passed the mask (or the back-off), so its effects are taken as they come. */
    void apply(LineState s, int id) {
        String text = id >= 0 && id < table.size() ? table.text(id) : null;
        automaton.advance(s, text == null ? "" : text, true);
    }
}
