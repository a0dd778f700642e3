package dev.kigo.generate;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.kigo.Fuzzing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any keywords and any text through the prompt formats: every prompt is the format's opening, the input on one line
 * with no bracket of any format, and " ="; what the model wrote comes back as stripped lines up to the closing
 * bracket, and a training example's lines come back as they went in; a stanza being continued becomes a prompt with
 * one opening bracket. Bounded time throughout. `mvn test` replays the committed inputs (PromptFormatFuzzTestInputs);
 * JAZZER_FUZZ=1 fuzzes (docs/reliability.md).
 */
@Tag("fuzz")
class PromptFormatFuzzTest {
    private static final long MAX_MILLIS = Fuzzing.MAX_MILLIS;
    private static final String BRACKETS = "()<>[]{}";

    /** The bound is on formatting, not on loading and instrumenting the classes: one stanza goes through first. */
    @BeforeAll
    static void loadTheClasses() {
        StanzaContinuation.of("old pond\na frog", "").request(SamplingSettings.defaults()).promptText();
        PromptFormat.KEYWORDS_TO_HAIKU.extract(PromptFormat.KEYWORDS_TO_HAIKU.trainingExample("pond", "a\nb"));
    }

    /** @param input the keywords (first line), a line break, then the text: a poem, or what the model wrote */
    @FuzzTest(maxDuration = "60s")
    void anyKeywordsAndTextMakeWellFormedPromptsAndComeBackAsLines(@NotNull String input) {
        Fuzzing.Split split = Fuzzing.Split.of(input);
        String keywords = split.firstLine();
        String text = split.rest();
        long start = System.nanoTime();

        for (PromptFormat format : PromptFormat.values()) {
            if (format == PromptFormat.PLAIN) {
                assertEquals(keywords, format.prompt(keywords));
                assertEquals(text, format.extract(text));
                continue;
            }
            String prompt = format.prompt(keywords);
            String inside = prompt.substring(1, prompt.length() - 2);
            assertTrue(prompt.startsWith(BRACKETS.substring(format.ordinal() * 2, format.ordinal() * 2 + 1))
                    && prompt.endsWith(" ="), prompt);
            assertTrue(inside.chars().noneMatch(c -> BRACKETS.indexOf(c) >= 0 || c == '=' || c == '\n' || c == '\r'),
                    "nothing in the input closes or reopens the prompt: " + prompt);

            String extracted = format.extract(text);
            assertFalse(extracted.contains(format.closing()), extracted);
            extracted.lines().forEach(line -> assertEquals(line.strip(), line, "lines come back stripped"));

            if (!text.contains("/") && !text.contains(format.closing())) {
                String example = format.trainingExample(keywords, text);
                assertEquals(linesOf(text), format.extract(example.substring(prompt.length())),
                        "a training example's lines come back as they went in");
            }
        }

        StanzaContinuation stanza = StanzaContinuation.of(text, keywords);
        assertTrue(stanza.finishedLines() >= 0 && stanza.finishedLines() <= stanza.lines().size());
        String prompt = stanza.request(SamplingSettings.defaults()).promptText();
        String head = prompt.substring(0, prompt.length() - stanza.body().length());
        assertTrue(head.startsWith("<|endoftext|>(") && head.endsWith(" ="), head);
        assertEquals(1, head.chars().filter(c -> c == '(').count(), head);
        assertFalse(head.contains(")"), head);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS, "formatting " + input.length() + " characters took " + millis + " ms");
    }

    /** The text's non-blank lines, stripped, as the formats join and split them. */
    private static String linesOf(String text) {
        return text.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
