package dev.kigo.ui.viewmodel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingDisplayTest {

    private static List<String> stream(StreamingDisplay display, String... deltas) {
        List<String> shown = new ArrayList<>();
        for (String delta : deltas) {
            shown.add(display.push(delta));
        }
        shown.add(display.finish());
        return shown;
    }

    @Test
    void slashSeparatedLinesBecomeLineBreaksAndTheBracketEndsThePiece() {
        StreamingDisplay display = new StreamingDisplay(")");
        List<String> shown = stream(display, " old", " pond", " /", " a", " frog", " jumps", " /", " splash", ")", " (next");
        assertEquals("old pond\na frog jumps\nsplash", String.join("", shown));
        assertTrue(display.isClosed());
    }

    @Test
    void trailingSpaceIsHeldBackUntilTheNextTokenSettlesIt() {
        StreamingDisplay display = new StreamingDisplay(")");
        assertEquals("old", display.push(" old "));
        assertEquals("\n", display.push("/"));
        assertEquals("pond", display.push(" pond"));
    }

    @Test
    void splitSlashTokensStillGiveOneLineBreak() {
        StreamingDisplay display = new StreamingDisplay(")");
        assertEquals("dusk\nheron", String.join("", stream(display, " dusk", " ", "/", " ", "heron")));
        assertFalse(display.isClosed());
    }

    @Test
    void plainContinuationIsShownExactlyAsWritten() {
        StreamingDisplay display = new StreamingDisplay("");
        assertEquals(List.of(" the", " / ", "moon ", ""), stream(display, " the", " / ", "moon "));
    }

    @Test
    void nothingIsShownAfterTheClosingBracket() {
        StreamingDisplay display = new StreamingDisplay(")");
        display.push(" a)");
        assertEquals("", display.push(" more text"));
        assertEquals("", display.finish());
    }

    @Test
    void continuingALineKeepsTheSpaceBetweenWords() {
        StreamingDisplay display = new StreamingDisplay(")", false);
        assertEquals(" frog jumps\nsplash", String.join("", stream(display, " frog", " jumps", " /", " splash", ")")));
    }
}
