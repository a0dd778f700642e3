package dev.kigo.prosody;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.kigo.Fuzzing;
import org.junit.jupiter.api.Tag;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any form pattern and any text, as a poet may type or paste them: the form is parsed or refused in one sentence, and
 * the check never throws, accounts for every line, and takes bounded time. `mvn test` replays the committed inputs
 * (PoemCheckerFuzzTestInputs); JAZZER_FUZZ=1 fuzzes (docs/reliability.md).
 */
@Tag("fuzz")
class PoemCheckerFuzzTest {
    /** Inputs are at most a few kilobytes: a second per check leaves a hundredfold margin on a busy machine. */
    private static final long MAX_MILLIS = 1_000;
    private static final PoemChecker CHECKER = SharedProsody.fresh().checker();

    /** @param input the form pattern, a line break, then the poem (so the committed inputs read as they are) */
    @FuzzTest(maxDuration = "60s")
    void anyFormAndAnyTextAreCheckedWithoutAnExceptionInBoundedTime(@NotNull String input) {
        Fuzzing.Split split = Fuzzing.Split.of(input);
        String pattern = split.firstLine();
        String text = split.rest();
        long start = System.nanoTime();

        Form form = parseOrHaiku(pattern);
        PoemCheck check = CHECKER.check(text, form);

        List<TextSplitter.Line> lines = TextSplitter.lines(text);
        assertEquals(lines.size(), check.lines().size(), "one result per line");
        for (int i = 0; i < lines.size(); i++) {
            LineResult result = check.lines().get(i);
            assertEquals(i, result.index());
            assertTrue(result.range().min() >= 0 && result.range().min() <= result.range().max(), result::toString);
        }
        assertTrue(check.missingLines() >= 0);
        assertTrue(!check.fits() || check.missingLines() == 0);

        PoemChecker.LineByLine reading = CHECKER.lineByLine(form);
        lines.forEach(reading::next);
        assertEquals(check.fits(), reading.fits(), "line by line agrees with the whole text");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "checking " + text.length() + " characters took " + millis + " ms");
    }

    /** A pattern is a form whose own pattern reads back as itself, or is refused with one sentence. */
    private static Form parseOrHaiku(String pattern) {
        try {
            Form form = Form.parse(pattern);
            assertEquals(form.lines(), Form.parse(form.pattern()).lines(), "the pattern round-trips");
            return form;
        } catch (IllegalArgumentException e) {
            assertSame(IllegalArgumentException.class, e.getClass(), "a refusal, not a parser's failure: " + e);
            assertFalse(e.getMessage() == null || e.getMessage().contains("\n"), "one sentence: " + e.getMessage());
            return Form.HAIKU;
        }
    }
}
