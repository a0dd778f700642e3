package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PromptFormatTest {

    @Test
    void keywordsBecomeTheTrainingPrompt() {
        assertEquals("(dog rain =", PromptFormat.KEYWORDS_TO_HAIKU.prompt("  dog   rain "));
        assertEquals("<pond frog =", PromptFormat.KEYWORDS_TO_PHONEMES.prompt("pond frog"));
        assertEquals("[old pond / a frog jumps =", PromptFormat.TEXT_TO_PHONEMES.prompt("old pond\na frog jumps"));
        assertEquals("{AH0-N OW1-L-D =", PromptFormat.PHONEMES_TO_TEXT.prompt("AH0-N OW1-L-D"));
        assertEquals("free text ", PromptFormat.PLAIN.prompt("free text "));
    }

    @Test
    void extractionStopsAtTheClosingBracketAndBreaksLines() {
        assertEquals("line one\nline two\nline three",
                PromptFormat.KEYWORDS_TO_HAIKU.extract(" line one / line two / line three)\n(cat = x)"));
        assertEquals("AH0-N OW1-L-D\nF-R-AA1-G", PromptFormat.KEYWORDS_TO_PHONEMES.extract(" AH0-N OW1-L-D / F-R-AA1-G> tail"));
        assertEquals("no bracket yet", PromptFormat.KEYWORDS_TO_HAIKU.extract(" no bracket yet"));
    }

    @Test
    void trainingExampleMatchesTheRecipesStrings() {
        assertEquals("(pond frog = old pond / a frog jumps in / sound of water)",
                PromptFormat.KEYWORDS_TO_HAIKU.trainingExample("pond frog", "old pond\na frog jumps in\nsound of water"));
    }

    @Test
    void unknownFormatNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptFormat.fromId("sonnet"));
        assertEquals("Unknown prompt format \"sonnet\"; choose one of keywords-to-haiku, keywords-to-phonemes, "
                + "text-to-phonemes, phonemes-to-text, plain.", e.getMessage());
    }
}
