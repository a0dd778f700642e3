package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {

    private final Prosody prosody = SharedProsody.fresh();

    @Test
    void emptyTextIsOneBlankLineAndMissesTheWholeHaiku() {
        PoemCheck check = prosody.check("", Form.HAIKU);
        assertEquals(1, check.lines().size());
        assertEquals(Verdict.BLANK, check.lines().get(0).verdict());
        assertEquals(3, check.missingLines());
        assertFalse(check.fits());
        assertEquals(3, prosody.check(null, Form.HAIKU).missingLines());
        assertEquals("", prosody.arpabet().text(""));
    }

    @Test
    void aTenThousandLinePasteIsCheckedInBoundedTime() {
        StringBuilder paste = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            paste.append(i % 3 == 1 ? "a frog jumps into the pond" : "an old silent pond").append('\n');
        }
        PoemCheck check = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> prosody.check(paste.toString(), Form.HAIKU));
        assertEquals(10_001, check.lines().size());
        assertEquals(Verdict.EXTRA, check.lines().get(5000).verdict());
        assertEquals(Verdict.OK, check.lines().get(2).verdict());
    }

    @Test
    void binaryJunkGivesVerdictsNotExceptions() {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        String text = new String(junk, StandardCharsets.ISO_8859_1) + new String(junk, StandardCharsets.UTF_8);
        PoemCheck check = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> prosody.check(text, Form.HAIKU));
        assertTrue(check.lines().size() > 1);
        check.lines().forEach(line -> assertTrue(line.syllables() >= 0));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> prosody.arpabet().text(text));
    }

    @Test
    void hundredThousandCharacterWordsAreCountedInBoundedTime() {
        String letters = "ab".repeat(50_000);
        String digits = "9".repeat(100_000);
        String hyphens = "moon-".repeat(20_000);
        String apostrophes = "o'".repeat(50_000);
        String caps = "XQ".repeat(50_000);
        for (String word : new String[] {letters, digits, hyphens, apostrophes, caps}) {
            LineResult line = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> prosody.checker().checkLine(word, java.util.OptionalInt.of(5)));
            assertEquals(Verdict.LONG, line.verdict(), word.substring(0, 10));
        }
        assertEquals(100_000, prosody.count(digits).preferred(), "read digit by digit: nine is one syllable");
    }

    @Test
    void punctuationOnlyLinesAreBlank() {
        LineResult line = prosody.checker().checkLine("— … !? 🌸", java.util.OptionalInt.of(5));
        assertEquals(Verdict.BLANK, line.verdict());
        assertEquals(0, line.syllables());
    }
}
