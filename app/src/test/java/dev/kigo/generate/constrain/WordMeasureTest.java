package dev.kigo.generate.constrain;

import dev.kigo.prosody.Prosody;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The constraint's word answers follow the poet's user dictionary, also after they were first asked. */
class WordMeasureTest {

    @Test
    void aWordTaughtLaterChangesItsReadingsAndItsFewest() {
        Prosody prosody = Prosody.loadDefault();
        WordMeasure measure = new WordMeasure(prosody);
        assertEquals(1L << 2, measure.readings("silent"));
        assertEquals(2, measure.fewestToFinish("silent"));

        prosody.userDictionary().put("silent", 3);
        assertEquals(1L << 3, measure.readings("silent"), "the cached reading is dropped");
        assertEquals(2, measure.fewestToFinish("silent"), "silently and co. may still be 2");

        prosody.userDictionary().put("silent", 1);
        assertEquals(1, measure.fewestToFinish("silent"), "the poet's count for the whole word is the fewest");
    }

    @Test
    void aTaughtWordLongerThanAnyUnknownWordMayBeWritten() {
        Prosody prosody = Prosody.loadDefault();
        WordMeasure measure = new WordMeasure(prosody);
        String word = "kigokigokigokigok";
        assertEquals(WordMeasure.MAX_UNKNOWN_WORD + 1, word.length());
        assertEquals(WordMeasure.NEVER, measure.fewestToFinish(word));

        prosody.userDictionary().put(word, 4);
        assertEquals(4, measure.fewestToFinish(word));
        assertEquals(1L << 4, measure.readings(word));
    }
}
