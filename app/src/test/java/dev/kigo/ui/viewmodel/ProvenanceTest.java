package dev.kigo.ui.viewmodel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When two stanzas are the same text, and when a stanza is still the one the poet saved or the model wrote. */
class ProvenanceTest {

    private static final String POND = "an old silent pond\na frog jumps into the pond\nsplash! silence again";

    @Test
    void spacingDoesNotMakeAnotherText() {
        assertTrue(Provenance.sameText(POND, "  an old silent pond\na frog  jumps into the pond\nsplash! silence again\n"));
        assertFalse(Provenance.sameText(POND, POND.replace("frog", "toad")));
    }

    @Test
    void aStanzaWithOneLineTouchedUpIsTheSameStanzaAndOneWithTwoRewrittenIsNot() {
        assertTrue(Provenance.keepsMostOf(POND.replace("frog", "toad"), POND));
        assertTrue(Provenance.keepsMostOf("An Old Silent Pond\n" + POND.substring(POND.indexOf('\n') + 1), POND), "case aside");
        assertFalse(Provenance.keepsMostOf("winter rain\nthe frog gone\nsplash! silence again", POND));
        assertFalse(Provenance.keepsMostOf("", POND));
    }

    @Test
    void aStanzaBegunFromOneLineIsStillThatLinesStanza() {
        assertTrue(Provenance.keepsMostOf(POND, "an old silent pond"));
    }
}
