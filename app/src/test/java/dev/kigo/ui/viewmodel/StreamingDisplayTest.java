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

    @Test
    void aStanzaWithNoRoomLeftEndsWhereTheModelBeginsAnotherLine() {
        // Two lines given, the third open: the model may finish it, and nothing after.
        StreamingDisplay display = new StreamingDisplay(")", false, 0);
        List<String> shown = stream(display, " again", " /", " a", " fourth", " line", ")");
        assertEquals(" again", String.join("", shown));
        assertTrue(display.isFull());
        assertTrue(display.isClosed());
    }

    @Test
    void aNewHaikuShowsAtMostThreeLines() {
        StreamingDisplay display = new StreamingDisplay(")", true, 2);
        assertEquals("old pond\nfrog\nsplash", String.join("", stream(display, " old pond /", " frog / splash", " / more", " / more")));
        assertTrue(display.isFull());
    }

    @Test
    void emptyLinesAndLineBreaksOutOfFormatBecomeOneLineBreak() {
        StreamingDisplay display = new StreamingDisplay(")", true);
        assertEquals("dusk\nheron\nreeds", String.join("", stream(display, " /", " dusk", " / /", " heron", "\n\n", "reeds)")));
        assertFalse(display.isFull(), "closed by the bracket, not by a line limit");
    }
}
