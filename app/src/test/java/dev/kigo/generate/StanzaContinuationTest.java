package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StanzaContinuationTest {

    @Test
    void theLastStanzaGoesToTheModelInTheKeywordsToHaikuFormat() {
        StanzaContinuation stanza = StanzaContinuation.of("first poem\nends here\n\nan old silent pond\na frog jumps\n", "");
        assertEquals(List.of("an old silent pond", "a frog jumps"), stanza.lines());
        assertEquals("old silent", stanza.keywords(), "the poem's own first subject words");
        assertEquals(2, stanza.finishedLines());
        assertTrue(stanza.beginsLine());
        assertEquals("<|endoftext|>(old silent = an old silent pond / a frog jumps /",
                stanza.request(SamplingSettings.defaults()).promptText());
        assertTrue(stanza.request(SamplingSettings.defaults()).settings().stopStrings().contains(")"));
    }

    @Test
    void anOpenLineIsContinuedNotEnded() {
        StanzaContinuation stanza = StanzaContinuation.of("an old pond\nthe frog", "moon");
        assertEquals("moon", stanza.keywords(), "the poet's keywords win");
        assertEquals(1, stanza.finishedLines());
        assertFalse(stanza.beginsLine());
        assertEquals(" an old pond / the frog", stanza.body());
    }

    @Test
    void afterABlankLineTheStanzaIsEmptyAndItsKeywordsComeFromThePoemBefore() {
        StanzaContinuation stanza = StanzaContinuation.of("wisteria dusk\nthe moonless field\n\n", "");
        assertTrue(stanza.lines().isEmpty());
        assertEquals("wisteria dusk", stanza.keywords());
        assertEquals("", stanza.body());
    }

    @Test
    void aPoemOfStopwordsAlonePromptsPlainHaiku() {
        assertEquals("haiku", StanzaContinuation.of("and so it is", "").keywords());
    }
}
