package dev.kigo.prosody;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoemCheckerTest {

    private final Prosody prosody = SharedProsody.fresh();

    private List<Verdict> verdicts(PoemCheck check) {
        return check.lines().stream().map(LineResult::verdict).toList();
    }

    @Test
    void aRealHaikuScansFiveSevenFive() {
        PoemCheck check = prosody.check("an old silent pond\na frog jumps into the pond\nsplash! silence again", Form.HAIKU);
        assertEquals(List.of(Verdict.OK, Verdict.OK, Verdict.OK), verdicts(check));
        assertEquals(List.of(5, 7, 5), check.lines().stream().map(LineResult::syllables).toList());
        assertTrue(check.fits());
    }

    @Test
    void aSixSyllableFirstLineIsFlaggedLong() {
        PoemCheck check = prosody.check("an ancient silent pond / a frog jumps into the pond / splash! silence again", Form.HAIKU);
        LineResult first = check.lines().get(0);
        assertEquals(Verdict.LONG, first.verdict());
        assertEquals(6, first.syllables());
        assertEquals(OptionalInt.of(5), first.target());
        assertFalse(check.fits());
    }

    @Test
    void aShortLineIsFlaggedShortAndMissingLinesAreCounted() {
        PoemCheck check = prosody.check("old pond", Form.HAIKU);
        assertEquals(Verdict.SHORT, check.lines().get(0).verdict());
        assertEquals(2, check.missingLines());
        assertFalse(check.fits());
    }

    @Test
    void slashSeparatedLinesKeepOffsetsIntoTheWholeText() {
        String text = "an old silent pond / a frog jumps into the pond / splash! silence again";
        PoemCheck check = prosody.check(text, Form.HAIKU);
        assertEquals(3, check.lines().size());
        LineResult second = check.lines().get(1);
        assertEquals("a frog jumps into the pond", text.substring(second.start(), second.end()));
    }

    @Test
    void aLineWithAmbiguousWordsIsOkWhenSomeReadingHitsAndSaysWhichReading() {
        // fire: 2 or 1, every: 3 or 2. "fire in every field" is 1+1+2+1 = 5 only when both take the short reading
        LineResult line = prosody.checker().checkLine("fire in every field", OptionalInt.of(5));
        assertEquals(Verdict.OK, line.verdict());
        assertEquals(new SyllableRange(5, 7), line.range());
        assertEquals(List.of(1, 1, 2, 1), line.words().stream().map(WordResult::chosen).toList());
        LineResult longer = prosody.checker().checkLine("fire in every field", OptionalInt.of(7));
        assertEquals(List.of(2, 1, 3, 1), longer.words().stream().map(WordResult::chosen).toList());
        assertEquals(Verdict.LONG, prosody.checker().checkLine("fire in every field", OptionalInt.of(4)).verdict());
    }

    @Test
    void tankaIsFiveSevenFiveSevenSeven() {
        String tanka = """
                the sun sets slowly
                over the hill the birds fly
                night is coming soon
                i sit by the open door
                and wait for the moon to rise""";
        PoemCheck check = prosody.check(tanka, Form.parse("tanka"));
        assertEquals(List.of(5, 7, 5, 7, 7), check.lines().stream().map(LineResult::syllables).toList());
        assertTrue(check.fits(), () -> verdicts(check).toString());
        assertFalse(prosody.check(tanka, Form.HAIKU).fits(), "two extra lines for a haiku");
        assertEquals(Verdict.EXTRA, prosody.check(tanka, Form.HAIKU).lines().get(3).verdict());
    }

    @Test
    void anyPatternTheUserTypesIsAForm() {
        Form form = Form.parse("3-5-3");
        assertEquals(List.of(3, 5, 3), form.lines());
        assertEquals(List.of(3, 5, 3), Form.parse("3 5 3").lines());
        PoemCheck check = prosody.check("cold morning\nthe kettle sings soft\nsteam rises", form);
        assertTrue(check.fits(), () -> verdicts(check).toString());
    }

    @Test
    void freeVerseIsCountedButNotJudged() {
        PoemCheck check = prosody.check("whatever I like\nas long as I like", Form.FREE);
        assertEquals(List.of(Verdict.UNCHECKED, Verdict.UNCHECKED), verdicts(check));
        assertEquals(5, check.lines().get(0).syllables());
        assertTrue(check.fits());
    }

    @Test
    void blankLinesAreSkippedNotJudged() {
        PoemCheck check = prosody.check("\nan old silent pond\n\na frog jumps into the pond\nsplash! silence again\n", Form.HAIKU);
        assertEquals(List.of(Verdict.BLANK, Verdict.OK, Verdict.BLANK, Verdict.OK, Verdict.OK, Verdict.BLANK), verdicts(check));
        assertTrue(check.fits());
        assertEquals(3, check.writtenLines().size());
    }

    @Test
    void unknownWordsCarryOffsetsForUnderlining() {
        LineResult line = prosody.checker().checkLine("the wisteria — a dragonfly!", OptionalInt.empty());
        List<WordResult> estimates = line.words().stream().filter(WordResult::isEstimate).toList();
        assertEquals(List.of("wisteria", "dragonfly"), estimates.stream().map(WordResult::text).toList());
        WordResult wisteria = estimates.get(0);
        assertEquals("wisteria", line.text().substring(wisteria.start(), wisteria.end()));
        assertTrue(line.hasEstimates());
    }

    @Test
    void badFormsAreRejectedWithASentence() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Form.parse("sonnet"));
        assertTrue(error.getMessage().contains("5-7-5"), error.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Form.parse("5-0-5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5--7", "-5-7-5", "5-7-", "5 -- 7", "5-/7", "5-7-5x", "5-1000", "-", " , "})
    void patternsWithAStraySeparatorAreRefused(String pattern) {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Form.parse(pattern));
        assertEquals("unknown form '" + pattern + "': use haiku, tanka, free or a pattern of syllables per line like 5-7-5",
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5-7-5", "5 7 5", "5/7/5", "5,7,5", " 5 - 7 - 5 ", "5, 7, 5"})
    void patternsTakeOneSeparatorBetweenLines(String pattern) {
        assertEquals(List.of(5, 7, 5), Form.parse(pattern).lines());
        assertEquals("5-7-5", Form.parse(pattern).name());
    }
}
