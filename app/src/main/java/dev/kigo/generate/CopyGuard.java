package dev.kigo.generate;

import dev.kigo.model.TextTokenizer;
import dev.kigo.model.TrainingLines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The originality guard: a line of {@value #MIN_WORDS} or more words that is word for word a line the model was
 * trained on may not end there. While the line being written is such a copy, every token that would end it (a line
 * break, the format's " /" or closing ")" with any punctuation around them, end of text) is forbidden, and so is
 * every token without a letter or digit, so the model writes on with another word (not a trail of dots or dashes)
 * and the line becomes its own. Short stock lines ("autumn wind", "the old pond") are left alone: many poets share them.
 *
 * <p>It never leaves a step with nothing to pick: where only line endings are allowed (kept to the form, at the
 * last syllable of a line), the copy stands, and the note says so.
 */
public final class CopyGuard implements LogitsProcessor {
    public static final int MIN_WORDS = SampleQuality.LONG_LINE_WORDS;
    private static final Map<TextTokenizer, boolean[]> HELD_BACK = new WeakHashMap<>();

    private final TrainingLines lines;
    private int steered;
    private int kept;

    private CopyGuard(TrainingLines lines) {
        this.lines = lines;
    }

    /** The request with the guard added after its own processors (one fresh guard per row, as processors keep state). */
    public static GenerationRequest guard(GenerationRequest request, TrainingLines lines) {
        return request.withProcessors(() -> {
            List<LogitsProcessor> processors = new ArrayList<>(request.processors().get());
            processors.add(new CopyGuard(lines));
            return processors;
        });
    }

    @Override
    public void process(float[] logits, GenerationContext context) {
        CharSequence text = context.textView();
        int start = text.length();
        while (start > 0 && !isLineBreak(text.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && text.charAt(start - 1) == ')') {
            return; // the piece is closed
        }
        String line = text.subSequence(start, text.length()).toString();
        if (!lines.contains(line, MIN_WORDS)) {
            return;
        }
        boolean[] held = heldBack(context.tokenizer(), context.endOfTextId(), logits.length);
        boolean anotherWay = false;
        for (int id = 0; id < logits.length && !anotherWay; id++) {
            anotherWay = !held[id] && logits[id] != Float.NEGATIVE_INFINITY;
        }
        if (!anotherWay) {
            kept++;
            return;
        }
        for (int id = 0; id < logits.length; id++) {
            if (held[id]) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
        steered++;
    }

    @Override
    public String note(GenerationContext context) {
        if (kept > 0) {
            return "A line the model learned in training was kept: the form left no other way to end it.";
        }
        return steered > 0 ? "The model went on past a line it learned in training (the originality guard)." : "";
    }

    private static boolean isLineBreak(char c) {
        return c == '/' || c == '\n' || c == ')' || c == '(';
    }

    /**
     * The tokens held back while a learned line stands: those that would end it and those without a letter or
     * digit. Made once per tokenizer.
     */
    static boolean[] heldBack(TextTokenizer tokenizer, int endOfText, int vocab) {
        synchronized (HELD_BACK) {
            boolean[] held = HELD_BACK.get(tokenizer);
            if (held == null || held.length != vocab) {
                held = new boolean[vocab];
                for (int id = 0; id < vocab; id++) {
                    String piece = tokenizer.tokenText(id);
                    held[id] = endsLine(piece, id == endOfText) || piece.codePoints().noneMatch(Character::isLetterOrDigit);
                }
                HELD_BACK.put(tokenizer, held);
            }
            return held;
        }
    }

    /**
     * Whether a token ends a line: end of text, or text holding "/", ")" or a line break anywhere ("!)", ".\n" too).
     * GPT-2's tokens never join letters and punctuation, so the line's words are the same with or without such a
     * token's text before the break: checking the line before the token is enough.
     */
    static boolean endsLine(String piece, boolean endOfText) {
        return endOfText || piece.indexOf('/') >= 0 || piece.indexOf(')') >= 0 || piece.indexOf('\n') >= 0;
    }
}
