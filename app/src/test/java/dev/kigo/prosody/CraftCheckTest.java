package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each verdict of the craft checks, on haiku written for these tests. */
class CraftCheckTest {

    private final Prosody prosody = SharedProsody.fresh();

    private CraftCheck craft(String poem) {
        return prosody.check(poem, Form.HAIKU).craft();
    }

    private static List<String> cutMarks(CraftCheck craft) {
        return craft.cuts().stream().map(c -> c.line() + ":" + c.mark()).toList();
    }

    // Season

    @Test
    void aHaikuWithOneSeasonWordEvokesThatSeason() {
        CraftCheck craft = craft("harvest moon —\nthe farmer's shadow\nlonger than the field");
        assertEquals(Optional.of(Season.AUTUMN), craft.season());
        assertEquals(List.of("harvest moon"), craft.wordsOf(Season.AUTUMN));
        assertFalse(craft.isKigoClash());
    }

    @Test
    void plurallAndPossessiveSeasonWordsCountForTheirSeason() {
        CraftCheck craft = craft("fireflies\nin the jar by the bed\none by one go dark");
        assertEquals(Optional.of(Season.SUMMER), craft.season());
        assertEquals(Optional.of(Season.AUTUMN), craft("the last of autumn's\nsunlight on the kitchen floor\na cat stretches out").season());
    }

    @Test
    void aHaikuWithoutSeasonWordsHasNoSeasonAndNoClash() {
        CraftCheck craft = craft("a crow on the wire\nthe traffic light changes\nto green once again");
        assertEquals(List.of(), craft.seasonWords());
        assertEquals(Optional.empty(), craft.season());
        assertFalse(craft.isKigoClash());
    }

    @Test
    void seasonWordsOfTwoSeasonsAreAKigoClash() {
        CraftCheck craft = craft("cherry blossoms\ndrifting onto the first snow\nof the mountain path");
        assertTrue(craft.isKigoClash());
        assertEquals(List.of(Season.SPRING, Season.WINTER), craft.seasons());
        assertEquals(Optional.empty(), craft.season());
        assertEquals(List.of("cherry blossoms"), craft.wordsOf(Season.SPRING));
        assertEquals(List.of("first snow"), craft.wordsOf(Season.WINTER));
    }

    @Test
    void seasonWordOffsetsPointAtTheWordsInTheirLine() {
        SeasonMatch match = craft("after the long rain\nthe cicada starts again\nthen stops").seasonWords().get(0);
        assertEquals(1, match.line());
        assertEquals("the cicada starts again".indexOf("cicada"), match.start());
        assertEquals("cicada", match.text());
    }

    // Cut

    @Test
    void anEmDashEllipsisOrColonIsACut() {
        assertEquals(List.of("0:—"), cutMarks(craft("an old pond —\na frog jumps into\nthe sound of water")));
        assertEquals(List.of("0:..."), cutMarks(craft("an old pond...\na frog jumps into\nthe sound of water")));
        assertEquals(List.of("0:…"), cutMarks(craft("an old pond…\na frog jumps into\nthe sound of water")));
        assertEquals(List.of("1:;"), cutMarks(craft("the empty station\nsnow in the lamplight;\nmy train is late")));
        assertEquals(List.of("0::"), cutMarks(craft("winter solstice:\nthe kettle starts to sing\nbefore the sun does")));
        assertEquals(Cut.Kind.ELLIPSIS, craft("an old pond...\na frog jumps into\nthe sound of water").cuts().get(0).kind());
    }

    @Test
    void anExclamationInsideTheLastLineIsACut() {
        CraftCheck craft = craft("the still pond at dusk\na frog leaps from the lily\nsplash! silence again");
        assertEquals(List.of("2:!"), cutMarks(craft));
        assertEquals(Cut.Kind.EXCLAMATION, craft.cuts().get(0).kind());
    }

    @Test
    void commasHyphensInsideWordsAndAFinalFullStopAreNotCuts() {
        CraftCheck craft = craft("old pond, moon-lit,\na frog jumps in, and then\nthe sound of water.");
        assertEquals(List.of(), craft.cuts());
        assertFalse(craft.hasCut());
    }

    @Test
    void aLineEndingInACuttingWordIsACut() {
        CraftCheck craft = craft("the old pond ah\na frog jumps in\nthe sound of water");
        assertEquals(List.of("0:ah"), cutMarks(craft));
        assertEquals(Cut.Kind.CUTTING_WORD, craft.cuts().get(0).kind());
    }

    @Test
    void aNounPhraseFollowedByALineThatOpensItsOwnPhraseIsABreakInSyntax() {
        CraftCheck basho = craft("an old silent pond\na frog jumps into the pond\nsplash! silence again");
        assertEquals(List.of("0:pond", "2:!"), cutMarks(basho));
        assertEquals(Cut.Kind.SYNTAX, basho.cuts().get(0).kind());
        assertEquals(List.of("0:moon"), cutMarks(craft("winter moon\nshe closes the shutters\non the empty house")));
        assertEquals(List.of("0:moon"), cutMarks(craft("the light of the moon\nthe heron stands in water\nnot moving")));
        assertEquals("line 1: after pond (break in syntax)", CraftNotes.cut(basho).split("; ")[0]);
    }

    @Test
    void aLineThatGoesOnIntoTheNextIsNoBreakInSyntax() {
        // The preposition, the relative "that" and a verb carry the phrase over the line break.
        assertEquals(List.of(), cutMarks(craft("the old man walks\nto the river in the rain\nhis shadow follows")));
        assertEquals(List.of(), cutMarks(craft("the pond\nthat holds the winter moon\nripples once")));
        assertEquals(List.of(), cutMarks(craft("cherry blossoms\ndrifting onto the first snow\nof the mountain path")));
        // A line that ends on a function word, or holds a clause, is no fragment.
        assertEquals(List.of(), cutMarks(craft("a crow lands on the\nbranch of the old willow\nin evening light")));
        assertEquals(List.of(), cutMarks(craft("she waits at the gate\nthe evening comes slowly\nover the hills")));
    }

    @Test
    void aMarkAtTheLineEndIsTheCutAndAPauseIsNotABreak() {
        assertEquals(List.of("0:—"), cutMarks(craft("summer grasses —\nall that remains\nof warriors' dreams")));
        assertEquals(List.of(), cutMarks(craft("old pond, moon-lit,\na frog jumps in, and then\nthe sound of water.")));
    }

    @Test
    void aSpacedHyphenAtTheEndOfALineIsADash() {
        CraftCheck craft = craft("morning fog -\nthe ferry horn answers\nanother ferry");
        assertEquals(List.of("0:-"), cutMarks(craft));
        assertEquals(Cut.Kind.DASH, craft.cuts().get(0).kind());
    }

    // Rhyme

    @Test
    void linesWhoseLastWordsShareTheirLastStressedVowelAndAfterRhyme() {
        CraftCheck craft = craft("on a summer night\na firefly's little light\ndrifts out of sight");
        assertEquals(3, craft.rhymes().size());
        Rhyme first = craft.rhymes().get(0);
        assertEquals(List.of(0, 1, "night", "light", "AY T"),
                List.of(first.firstLine(), first.secondLine(), first.firstWord(), first.secondWord(), first.sound()));
    }

    @Test
    void aSecondaryStressCountsAsTheLastStressedVowel() {
        CraftCheck craft = craft("one tall sunflower\nbowing to the water tower\nin the August heat");
        assertEquals(1, craft.rhymes().size());
        assertEquals("AW ER", craft.rhymes().get(0).sound());
    }

    @Test
    void lineEndsThatOnlyShareAnUnstressedSoundDoNotRhyme() {
        // water (W AO1 T ER0) and river (R IH1 V ER0) share only the unstressed ending.
        CraftCheck craft = craft("the sound of water\na frog is gone in the river\nand a heron waits");
        assertEquals(List.of(), craft.rhymes());
        assertFalse(craft.hasRhyme());
    }

    @Test
    void lineEndsWithoutAStressedVowelDoNotRhyme() {
        // the (DH AH0) and a (AH0) share their only, unstressed vowel.
        CraftCheck craft = craft("early frost in the\nher dog waiting by the door\ni still walk on a");
        assertEquals(List.of(), craft.rhymes());
    }

    @Test
    void theSameWordEndingTwoLinesIsRepetitionNotRhyme() {
        CraftCheck craft = craft("rain on the pond\nwind on the pond\na heron waits");
        assertEquals(List.of(), craft.rhymes());
    }

    @Test
    void eachLineEndIsComparedWithTheFourLinesBeforeItSoATankaIsFullyCheckedAndAPasteStaysLinear() {
        CraftCheck tanka = prosody.check("the night\na pond\nrain\nfrog\nthe light", Form.TANKA).craft();
        assertEquals(List.of("night/light"), tanka.rhymes().stream().map(r -> r.firstWord() + "/" + r.secondWord()).toList());
        CraftCheck farApart = prosody.check("the night\na pond\nrain\nfrog\nstone\nthe light", Form.FREE).craft();
        assertEquals(List.of(), farApart.rhymes());
    }

    @Test
    void craftHintsNeverChangeWhetherAPoemFitsItsForm() {
        PoemCheck check = prosody.check("cherry blossoms fall\nonto the first snow of night\nin the pale moonlight", Form.HAIKU);
        assertTrue(check.fits());
        assertTrue(check.craft().isKigoClash());
        assertTrue(check.craft().hasRhyme());
    }
}
