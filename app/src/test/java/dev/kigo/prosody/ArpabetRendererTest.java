package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArpabetRendererTest {

    private final ArpabetRenderer arpabet = SharedProsody.fresh().arpabet();

    @Test
    void wordsArePhonesJoinedByHyphensWithStressKept() {
        assertEquals("AE1-N OW1-L-D P-AA1-N-D", arpabet.line("an old pond"));
    }

    @Test
    void linesAreJoinedBySpacedSlashesAndPunctuationIsDropped() {
        assertEquals("AE1-N OW1-L-D P-AA1-N-D / S-P-L-AE1-SH", arpabet.text("an old pond,\n\nsplash!"));
    }

    @Test
    void numbersBecomeTheirSpokenWords() {
        assertEquals(List.of("N-AY1-N-T-IY1-N", "N-AY1-N-T-IY0", "N-AY1-N"), arpabet.word("1999"));
    }

    @Test
    void derivedWordsGetPhonesAndPureGuessesStayLowercaseText() {
        assertEquals(List.of("S-P-AY1-D-ER0-Z"), arpabet.word("Spider’s"));
        assertEquals(List.of("D-R-AE1-G-AH0-N-F-L-AY1"), arpabet.word("dragonfly"));
        assertEquals(List.of("wisteria"), arpabet.word("Wisteria"));
    }
}
