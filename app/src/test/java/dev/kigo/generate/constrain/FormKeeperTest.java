package dev.kigo.generate.constrain;

import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import dev.kigo.generate.PromptFormat;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mask on hand-built states: the text generated so far (after "(keywords =") and one candidate token. With
 * GPT-2's tokenizer (words of one or several BPE tokens) and the fixture's byte tokenizer (every letter a token).
 */
class FormKeeperTest {

    /** The mask after {@code sofar} with every logit 0, as a test sees it. */
    record Step(TextTokenizer tokenizer, FormKeeper keeper, float[] logits) {
        boolean allows(String token) {
            return logits[single(tokenizer, token)] != Float.NEGATIVE_INFINITY;
        }
    }

    static int single(TextTokenizer tokenizer, String token) {
        int[] ids = tokenizer.encode(token);
        assertEquals(1, ids.length, "'" + token + "' should be one token but is " + Arrays.toString(ids));
        return ids[0];
    }

    private static Step gpt2(String form, String sofar) {
        return step(ConstraintFixtures.gpt2(), ConstraintFixtures.gpt2Constraint(), form, sofar, null);
    }

    private static Step bytes(String form, String sofar) {
        return step(ConstraintFixtures.bytes(), ConstraintFixtures.bytesConstraint(), form, sofar, null);
    }

    private static Step step(TextTokenizer tokenizer, SyllableConstraint constraint, String form, String sofar,
                             float[] logits) {
        return step(tokenizer, constraint, form, sofar, logits, false);
    }

    static Step step(TextTokenizer tokenizer, SyllableConstraint constraint, String form, String sofar,
                     float[] logits, boolean coinages) {
        FormKeeper keeper = (FormKeeper) constraint.newProcessor(Form.parse(form), PromptFormat.KEYWORDS_TO_HAIKU,
                coinages);
        float[] scores = logits != null ? logits : new float[tokenizer.vocabSize()];
        keeper.process(scores, sofar.isEmpty() ? new int[0] : tokenizer.encode(sofar));
        return new Step(tokenizer, keeper, scores);
    }

    @Test
    void aWordTaughtAfterTheTablesWereBuiltIsCountedTheNewWay() {
        // Its own dictionaries: teaching a word must not leak into the shared fixtures.
        Prosody prosody = Prosody.loadDefault();
        SyllableConstraint constraint = new SyllableConstraint(ConstraintFixtures.gpt2(),
                ConstraintFixtures.GPT2_END_OF_TEXT, prosody);
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        // silent is 2 syllables in CMU: "an old silent pond" fills 5, and "an old old cold" has no room for it.
        assertTrue(step(gpt2, constraint, "5-7-5", " an old silent pond", null).allows(" /"));
        assertFalse(step(gpt2, constraint, "5-7-5", " an old old cold", null).allows(" silent"));

        prosody.userDictionary().put("silent", 1);

        Step four = step(gpt2, constraint, "5-7-5", " an old silent pond", null);
        assertFalse(four.allows(" /"), "silent now counts 1, so the line has 4 of 5");
        assertTrue(four.allows(" moon"));
        assertTrue(step(gpt2, constraint, "5-7-5", " an old old cold", null).allows(" silent"),
                "a word start needs only the taught 1 syllable");
        assertTrue(step(gpt2, constraint, "5-7-5", " an old old cold sil", null).allows("ent"),
                "so does a word finished from its pieces");

        prosody.userDictionary().remove("silent");
        assertTrue(step(gpt2, constraint, "5-7-5", " an old silent pond", null).allows(" /"), "back to 2");
        assertFalse(step(gpt2, constraint, "5-7-5", " an old old cold", null).allows(" silent"));
    }

    @Test
    void theSeparatorComesExactlyWhenTheLineIsFull() {
        Step four = gpt2("5-7-5", " an old silent");
        assertFalse(four.allows(" /"), "4 of 5 syllables: too early to end the line");
        assertTrue(four.allows(" pond"));
        Step five = gpt2("5-7-5", " an old silent pond");
        assertTrue(five.allows(" /"));
        assertFalse(five.allows(" the"), "a sixth syllable");
        assertFalse(five.allows(")"), "the closing bracket belongs after the last line");
    }

    @Test
    void aWordThatWouldOverflowTheLineIsForbidden() {
        Step four = gpt2("5-7-5", " an old silent");
        assertTrue(four.allows(" moon"));
        assertFalse(four.allows(" morning"), "two syllables where one is left");
        assertFalse(four.allows(" beautiful"));
        Step start = gpt2("5-7-5", "");
        assertTrue(start.allows(" beautiful"));
    }

    @Test
    void aWordOfSeveralTokensIsJudgedByItsPossibleEndings() {
        // GPT-2 writes grasshopper as " grass" + "ho" + "pper": after "ho" only grasshopper(s), 3 syllables, remain.
        Step roomForThree = gpt2("5-7-5", " in the grass");
        assertTrue(roomForThree.allows("ho"), "in the grasshopper = 5");
        assertTrue(roomForThree.allows("es"));
        Step roomForTwo = gpt2("5-7-5", " in a small grass");
        assertFalse(roomForTwo.allows("ho"), "in a small grasshopper = 6");
        assertTrue(roomForTwo.allows("es"), "in a small grasses = 5");
        assertFalse(roomForTwo.allows(" /"), "in a small grass = 4");
        assertTrue(gpt2("5-7-5", " in the grassho").allows("pper"));
        assertTrue(gpt2("5-7-5", " in a small grasses").allows(" /"), "the word in progress ends at the separator");
    }

    @Test
    void punctuationAddsNoSyllables() {
        Step five = gpt2("5-7-5", " an old silent pond");
        assertTrue(five.allows(","));
        assertTrue(five.allows("."));
        assertTrue(five.allows(" -"));
        Step comma = gpt2("5-7-5", " an old silent pond,");
        assertTrue(comma.allows(" /"));
        assertFalse(comma.allows(" the"));
        Step midLine = gpt2("5-7-5", " an old");
        assertTrue(midLine.allows("..."));
        assertTrue(midLine.allows("'s"), "old's: an apostrophe joins a word as the checker reads it");
    }

    @Test
    void punctuationCannotPadALineWithSpacedDots() {
        Step dot = gpt2("5-7-5", " late winter dusk.");
        assertFalse(dot.allows(" ."), "no '. .' runs");
        assertFalse(dot.allows("."), "no punctuation token straight after another");
        assertFalse(dot.allows(","));
        assertTrue(dot.allows(" "), "a lone space may follow");
        assertTrue(dot.allows(" the"), "and a word");
        Step dotSpace = bytes("5-7-5", " late winter dusk. ");
        assertFalse(dotSpace.allows("."), "at most 2 tokens in a row without letters");
        assertTrue(dotSpace.allows("t"));
        Step full = gpt2("5-7-5", " an old silent pond.");
        assertTrue(full.allows(" /"), "a line break ends the run");
        assertTrue(gpt2("5-7-5", " an old silent pond. /").allows(" the"));
    }

    @Test
    void aCliticOnlyContinuesAWord() {
        assertTrue(gpt2("5-7-5", " I don").allows("'t"), "glued to letters");
        assertFalse(gpt2("5-7-5", " late winter dusk.").allows("'t"), "not after punctuation");
        assertFalse(gpt2("5-7-5", " late winter dusk. ").allows("'t"), "not after a space");
        assertFalse(gpt2("5-7-5", " late winter").allows(" '"), "not as the start of a word of its own");
        assertFalse(bytes("5-7-5", " an old ").allows("'"));
        assertTrue(bytes("5-7-5", " an old").allows("'"));
        assertFalse(bytes("5-7-5", " an old'").allows("'"), "never two apostrophes in a row (\"wintin''s\")");
    }

    @Test
    void aWordIsNeverGluedToAFullStopACommaOrAHyphen() {
        Step dot = gpt2("5-7-5", " late winter dusk.");
        assertFalse(dot.allows("ow"), "dusk.ow");
        assertTrue(dot.allows(" now"), "a space first");
        assertFalse(gpt2("5-7-5", " rain,").allows("wind"));
        assertFalse(bytes("5-7-5", " late winter dusk!").allows("t"));
        assertTrue(bytes("5-7-5", " late winter dusk! ").allows("t"));
        // The checker counts "half-hour" as one word (3), the mask would count half + hour (2): no compounds.
        assertFalse(gpt2("5-7-5", " a half").allows("-"), "no half-hour: the hyphen would join one word");
        assertTrue(gpt2("5-7-5", " a half -").allows(" hour"), "a spaced dash is fine");
    }

    @Test
    void aWordIsNeverWrittenThreeTimesInARow() {
        assertTrue(gpt2("5-7-5", " the night night").allows(" the"), "twice is a figure of speech");
        assertFalse(gpt2("5-7-5", " the night night night").allows(" the"), "three times is a loop");
        assertFalse(gpt2("5-7-5", " the night night night").allows(","));
        assertTrue(gpt2("5-7-5", " the night night night").allows("s"), "it may still become another word");
        assertTrue(gpt2("5-7-5", " the night day night").allows(" the"));
    }

    @Test
    void noHyphenGluedToAWord() {
        // W-A-R spelled out, and "web- web-": after a hyphen no letters may follow, so a glued one would dangle.
        assertFalse(gpt2("5-7-5", " I am W").allows("-"), "W-A-R: letters spelled out");
        assertFalse(gpt2("5-7-5", " I am a").allows("-"));
        assertFalse(gpt2("5-7-5", " I am war").allows("-"));
        assertTrue(gpt2("5-7-5", " I am W").allows(" -"), "a spaced dash is punctuation, not spelling");
        assertTrue(gpt2("5-7-5", " I am war").allows(" -"));
        assertFalse(bytes("5-7-5", " I am W").allows("-"));
        assertFalse(bytes("5-7-5", " I am an").allows("-"));
    }

    @Test
    void digitsSymbolsBracketsAccentsAndPiecesOfCharactersAreNeverAllowed() {
        Step step = gpt2("5-7-5", " an old");
        for (String token : new String[] {" 5", "1999", "(", " =", " #", "\n", "\t", " (", " [", "<"}) {
            assertFalse(step.allows(token), token);
        }
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        int accented = 0;
        int pieces = 0;
        for (int id = 0; id < gpt2.vocabSize(); id++) {
            String text = gpt2.tokenText(id);
            if (text.indexOf('\u00e9') >= 0 || text.indexOf('\uFFFD') >= 0) {
                assertTrue(step.logits()[id] == Float.NEGATIVE_INFINITY, "token " + id + " '" + text + "'");
                accented += text.indexOf('\u00e9') >= 0 ? 1 : 0;
                pieces += text.indexOf('\uFFFD') >= 0 ? 1 : 0;
            }
        }
        assertTrue(accented > 0 && pieces > 0, "the vocabulary has such tokens to test");
    }

    @Test
    void aPieceStartsWithASpaceAndEachSeparatorHasASpaceOnBothSides() {
        Step start = gpt2("5-7-5", "");
        assertFalse(start.allows("an"));
        assertTrue(start.allows(" an"));
        assertFalse(start.allows(" /"), "no empty first line");
        Step afterSeparator = gpt2("5-7-5", " an old silent pond /");
        assertFalse(afterSeparator.allows("a"));
        assertTrue(afterSeparator.allows(" a"));
        assertFalse(afterSeparator.allows(" /"), "no empty line");
        Step glued = gpt2("5-7-5", " an old silent pond");
        assertFalse(glued.allows("/"), "pond/ is not a line break to the checker");
    }

    @Test
    void thePieceEndsOnlyAfterItsLastLineIsFull() {
        String haiku = " an old silent pond / a frog jumps into the pond / splash silence again";
        Step done = gpt2("5-7-5", haiku);
        assertTrue(done.allows(")"));
        assertTrue(done.logits()[ConstraintFixtures.GPT2_END_OF_TEXT] == 0f, "end-of-text is allowed too");
        assertFalse(done.allows(" the"));
        assertFalse(done.allows(" /"), "no fourth line");
        Step short_ = gpt2("5-7-5", " an old silent pond / a frog jumps into the pond / splash silence");
        assertFalse(short_.allows(")"));
        assertTrue(short_.logits()[ConstraintFixtures.GPT2_END_OF_TEXT] == Float.NEGATIVE_INFINITY);
        assertTrue(gpt2("3-5-3", " the old pond / a frog jumps into / the still pond").allows(")"), "a user pattern");
        assertFalse(gpt2("tanka", haiku).allows(")"), "a tanka has two more lines");
        assertTrue(gpt2("tanka", haiku).allows(" /"));
    }

    @Test
    void aWordWithReadingsOfDifferentLengthFitsIfOneReadingFits() {
        // fire is 1 or 2 syllables: "the fire" is 2 or 3.
        Step fire = gpt2("3-5", " the fire");
        assertTrue(fire.allows(" /"), "the fire read as 3");
        assertTrue(fire.allows(" old"), "the fire old read as 3");
        assertFalse(fire.allows(" burning"), "at least 4");
    }

    @Test
    void withCoinagesAWordTheDictionaryLacksIsCountedByTheEstimatorWhenTheModelWantsIt() {
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        int less = single(gpt2, "less");
        float[] logits = new float[gpt2.vocabSize()];
        logits[less] = 5f; // among the model's favourites
        Step roomy = step(gpt2, ConstraintFixtures.gpt2Constraint(), "5-7-5", " the moon", logits, true);
        assertFalse(ConstraintFixtures.prosody().dictionary().prefixIndex().hasCompletion("moonless"),
                "moonless should be outside the dictionary for this test");
        assertTrue(roomy.allows("less"), "the moonless = 3 of 5 (estimated)");
        logits = new float[gpt2.vocabSize()];
        logits[less] = 5f;
        Step tight = step(gpt2, ConstraintFixtures.gpt2Constraint(), "5-7-5", " an old silent moon", logits, true);
        assertFalse(tight.allows("less"), "an old silent moonless = 6");
        logits = new float[gpt2.vocabSize()];
        logits[less] = 5f;
        assertFalse(step(gpt2, ConstraintFixtures.gpt2Constraint(), "5-7-5", " the moon", logits).allows("less"),
                "without coinages, only words of the dictionaries");
    }

    @Test
    void withBytesAsTokensEveryLetterIsChecked() {
        Step space = bytes("5-7-5", " an old silent ");
        assertFalse(space.allows("/"));
        assertTrue(space.allows("p"));
        assertFalse(space.allows(" "), "no double space");
        Step full = bytes("5-7-5", " an old silent pond ");
        assertTrue(full.allows("/"));
        assertFalse(full.allows("p"), "any word is a sixth syllable");
        Step pond = bytes("5-7-5", " an old silent pond");
        assertTrue(pond.allows("s"), "ponds");
        assertFalse(pond.allows("e"), "ponder and pondering are longer than one syllable");
        assertTrue(pond.allows(","));
        Step drag = bytes("5-7-5", " in a small drag");
        assertTrue(drag.allows("o"), "dragon fits");
        Step dragon = bytes("5-7-5", " in a small dragon");
        assertFalse(dragon.allows("f"), "dragonfly does not");
        assertFalse(bytes("5-7-5", " an old").allows("7"));
        Step step = bytes("5-7-5", " an old");
        int pieces = 0;
        for (int id = 0; id < ConstraintFixtures.bytes().vocabSize(); id++) {
            if (ConstraintFixtures.bytes().tokenText(id).indexOf('\uFFFD') >= 0) {
                assertTrue(step.logits()[id] == Float.NEGATIVE_INFINITY, "a byte that is half of a character");
                pieces++;
            }
        }
        assertEquals(128, pieces, "bytes 0x80-0xFF are never whole characters on their own");
    }

    @Test
    void withNothingLeftTheLineIsEndedEarlyAndTheNoteSaysSo() {
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        float[] logits = new float[gpt2.vocabSize()];
        Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        int separator = single(gpt2, " /");
        logits[separator] = 1f; // the model (or a penalty) allows nothing else
        Step step = step(gpt2, ConstraintFixtures.gpt2Constraint(), "5-7-5", " an old silent", logits);
        assertEquals(1f, step.logits()[separator], "the back-off lets the line end");
        assertEquals(1, Arrays.stream(toDoubles(step.logits())).filter(Double::isFinite).count());
        String note = step.keeper().note(gpt2.encode(" an old silent"));
        assertTrue(note.contains("line 1 (4 of 5 syllables)") && note.contains("ended early"), note);
    }

    @Test
    void withNothingLeftAtTheStartOfALineItIsADeadEndAndTheNoteSaysSo() {
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        float[] logits = new float[gpt2.vocabSize()];
        Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        logits[single(gpt2, " /")] = 1f;
        Step step = step(gpt2, ConstraintFixtures.gpt2Constraint(), "5-7-5", " an old silent pond /", logits);
        assertEquals(0, Arrays.stream(toDoubles(step.logits())).filter(Double::isFinite).count(),
                "an empty line cannot be ended");
        String note = step.keeper().note(gpt2.encode(" an old silent pond /"));
        assertTrue(note.contains("line 2") && note.contains("stopped"), note);
        assertEquals("", step.keeper().note(gpt2.encode(" another text")), "a note belongs to its own text");
    }

    @Test
    void aKeeperGivenAnotherBeamRebuildsItsStateFromThatBeam() {
        TextTokenizer gpt2 = ConstraintFixtures.gpt2();
        FormKeeper keeper = (FormKeeper) ConstraintFixtures.gpt2Constraint().newProcessor(Form.HAIKU,
                PromptFormat.KEYWORDS_TO_HAIKU);
        keeper.process(new float[gpt2.vocabSize()], gpt2.encode(" an old silent pond / a"));
        float[] again = new float[gpt2.vocabSize()];
        keeper.process(again, gpt2.encode(" an old silent"));
        float[] fresh = gpt2("5-7-5", " an old silent").logits();
        assertTrue(Arrays.equals(fresh, again));
    }

    @Test
    void freeVerseAndPhonemeFormatsAreRefusedWithASentence() {
        SyllableConstraint constraint = ConstraintFixtures.gpt2Constraint();
        assertThrows(IllegalArgumentException.class, () -> constraint.newProcessor(Form.FREE,
                PromptFormat.KEYWORDS_TO_HAIKU));
        IllegalArgumentException phonemes = assertThrows(IllegalArgumentException.class,
                () -> constraint.newProcessor(Form.HAIKU, PromptFormat.TEXT_TO_PHONEMES));
        assertTrue(phonemes.getMessage().contains("text-to-phonemes"));
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
