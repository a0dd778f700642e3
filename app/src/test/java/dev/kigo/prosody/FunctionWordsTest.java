package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionWordsTest {

    @Test
    void linesThatBreakMidPhraseEndOnAFunctionWordAndLinesThatCloseOneDoNot() {
        for (String midPhrase : List.of("my coffee now i'm", "i will fall in the", "she tells me to be", "The.",
                "rain and —")) {
            assertTrue(FunctionWords.endsOn(midPhrase), midPhrase);
        }
        for (String closed : List.of("an old silent pond", "the crows fly away,", "I look up", " - ")) {
            assertFalse(FunctionWords.endsOn(closed), closed);
        }
    }

    @Test
    void punctuationPartsWordsAndApostrophesStayInside() {
        assertEquals(List.of("the", "kite", "how"), FunctionWords.words("the kite—how,"));
        assertEquals(List.of("dogs'", "I'm", "here"), FunctionWords.words("\"dogs'! I’m 'here'"));
        assertTrue(FunctionWords.endsOn("of a crow and the kite—and"));
    }
}
