package dev.kigo.generate;

import dev.kigo.prosody.Prosody;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Avoid rhyme" judges a candidate line, last in the poem so far, by the craft check's rhyme rule. */
class LineRuleTest {
    private static final LineRule NO_RHYME = LineRule.noRhyme(Prosody.loadDefault());

    @Test
    void aLastLineThatRhymesWithAnEarlierOneIsRefused() {
        assertFalse(NO_RHYME.allows("the autumn moon\nlights the empty road\nso soon"));
        assertFalse(NO_RHYME.allows("a crow in the sky\nwhy"), "the second line rhymes with the first");
    }

    @Test
    void aLastLineThatDoesNotRhymeOrRepeatsTheWordStands() {
        assertTrue(NO_RHYME.allows("an old silent pond\na frog jumps into the pond"), "the same word is repetition");
        assertTrue(NO_RHYME.allows("an old silent pond\na frog jumps in\nsplash! silence again"));
        assertTrue(NO_RHYME.allows("only one line"));
    }

    @Test
    void onlyTheLastLineIsJudged() {
        // Lines one and two rhyme, but the poet wrote them; the candidate is line three.
        assertTrue(NO_RHYME.allows("the light\nof night\non the water"));
    }
}
