package dev.kigo.ui.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which stanza Save to library takes when nothing is selected. */
class StanzaAtTest {

    private static final String PAGE = "an old pond\na frog\n\nwinter dusk\ncrows";

    @Test
    void theStanzaAroundTheCaret() {
        assertEquals("an old pond\na frog", PoemEditor.stanzaAt(PAGE, 3));
        assertEquals("winter dusk\ncrows", PoemEditor.stanzaAt(PAGE, PAGE.length()));
        assertEquals("winter dusk\ncrows", PoemEditor.stanzaAt(PAGE, PAGE.indexOf("winter")));
    }

    @Test
    void onTheBlankLineBetweenStanzasTheOneBefore() {
        int blankLine = PAGE.indexOf("\n\n") + 1;
        assertEquals("an old pond\na frog", PoemEditor.stanzaAt(PAGE, blankLine));
        assertEquals("winter dusk\ncrows", PoemEditor.stanzaAt(PAGE + "\n", PAGE.length() + 1), "the empty line after the last");
        assertEquals("", PoemEditor.stanzaAt("", 0));
    }
}
