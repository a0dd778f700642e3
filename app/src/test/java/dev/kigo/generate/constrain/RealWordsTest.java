package dev.kigo.generate.constrain;

import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Prosody;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kept to the form, every word is a word of the dictionaries (or a plural or possessive of one): the tokens that
 * could only spell a non-word are masked, token by token, with GPT-2's tokenizer and the fixture's byte tokenizer.
 */
class RealWordsTest {

    /**
     * The first token of {@code line} the mask refuses after the tokens before it, or -1 if it allows them all. The
     * line's own tokens are the model's favourites (coinages are tried only for the model's favourite few).
     */
    private static int firstRefused(TextTokenizer tokenizer, SyllableConstraint constraint, String line,
                                    boolean coinages) {
        int[] ids = tokenizer.encode(line);
        for (int i = 0; i < ids.length; i++) {
            String before = tokenizer.decode(Arrays.copyOf(ids, i));
            float[] logits = new float[tokenizer.vocabSize()];
            for (int id : ids) {
                logits[id] = 5f;
            }
            FormKeeperTest.Step step = FormKeeperTest.step(tokenizer, constraint, "5-7-5", before, logits, coinages);
            if (step.logits()[ids[i]] == Float.NEGATIVE_INFINITY) {
                return i;
            }
        }
        return -1;
    }

    private static boolean gpt2Writes(String line, boolean coinages) {
        return firstRefused(ConstraintFixtures.gpt2(), ConstraintFixtures.gpt2Constraint(), line, coinages) < 0;
    }

    private static boolean bytesWrite(String line) {
        return firstRefused(ConstraintFixtures.bytes(), ConstraintFixtures.bytesConstraint(), line, false) < 0;
    }

    @Test
    void nonWordsAreMaskedAndRealWordsPassWithGpt2Tokens() {
        for (String nonWord : new String[] {" the rainow falls", " old blossk /", " the sorn", " the'll rain",
                " l'n rain"}) {
            assertFalse(gpt2Writes(nonWord, false), "'" + nonWord + "' spells a non-word");
        }
        for (String real : new String[] {" the rainbow falls", " old blossoms fall down /", " the dog's bone", " two boxes",
                " the berries' red", " don't go"}) {
            assertTrue(gpt2Writes(real, false), "'" + real + "' is made of real words");
        }
    }

    @Test
    void withCoinagesTheModelMayStillInventAWord() {
        assertTrue(gpt2Writes(" the rainow falls", true), "the poet allowed coinages");
        assertTrue(firstRefused(ConstraintFixtures.gpt2(), ConstraintFixtures.gpt2Constraint(), " the rainow falls",
                false) >= 0);
    }

    @Test
    void withBytesAsTokensAWordCannotEndOrGoOnOutsideTheDictionaries() {
        assertFalse(bytesWrite(" the rainow"), "no dictionary word starts with rainow");
        assertFalse(bytesWrite(" the rainb "), "rainb starts words (rainbow) but is none itself");
        assertTrue(bytesWrite(" the rain "));
        assertTrue(bytesWrite(" the dragon's "));
    }

    @Test
    void theLexiconTakesPluralsAndPossessivesOnlyOfRealWords() {
        Lexicon lexicon = new Lexicon(ConstraintFixtures.prosody());
        for (String word : new String[] {"dog", "dogs", "dog's", "dogs'", "boxes", "berries", "berries'", "rainbow"}) {
            assertTrue(lexicon.isWord(word), word);
        }
        for (String word : new String[] {"rainow", "blossk", "boxs", "berrys", "rainb", "the'll", "l'n"}) {
            assertFalse(lexicon.isWord(word), word);
        }
        assertTrue(lexicon.isPrefix("dragonfl") || lexicon.isPrefix("dragon'"), "an ending may still come");
        assertFalse(lexicon.isPrefix("blossk"));
    }

    @Test
    void aWordThePoetTaughtMayBeWrittenAndItsPrefixesToo() {
        Prosody prosody = Prosody.loadDefault();
        SyllableConstraint constraint = new SyllableConstraint(ConstraintFixtures.bytes(),
                dev.kigo.model.Fixtures.EOT, prosody);
        String coined = " the zorblax ";
        assertTrue(firstRefused(ConstraintFixtures.bytes(), constraint, coined, false) >= 0);
        prosody.userDictionary().put("zorblax", 2);
        assertEquals(-1, firstRefused(ConstraintFixtures.bytes(), constraint, coined, false));
        assertEquals(-1, firstRefused(ConstraintFixtures.bytes(), constraint, " the zorblax's ", false));
    }
}
