package dev.kigo.library;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FtsQueryTest {
    @Test
    void everyWordIsQuotedSoOperatorsAreWords() {
        assertEquals(Optional.of("\"autumn\" \"AND\" \"moon\""), FtsQuery.toMatchExpression("autumn AND moon"));
        assertEquals(Optional.of("\"NEAR(a\" \"b)\""), FtsQuery.toMatchExpression("NEAR(a b)"));
    }

    @Test
    void strayQuotesAreDroppedAndBalancedOnesMakeAPhrase() {
        assertEquals(Optional.of("\"moon's\""), FtsQuery.toMatchExpression("moon's \""));
        assertEquals(Optional.of("\"cold light\" \"crow\""), FtsQuery.toMatchExpression("\"cold light\" crow"));
        assertEquals(Optional.of("\"a b\""), FtsQuery.toMatchExpression("a\" \"b"), "quotes inside a word glue a phrase");
    }

    @Test
    void aTrailingStarIsAPrefixAndFieldNamesLimitTheWord() {
        assertEquals(Optional.of("\"moo\"*"), FtsQuery.toMatchExpression("moo*"));
        assertEquals(Optional.of("tags : \"night\" title : \"old pond\"*"),
                FtsQuery.toMatchExpression("tag:night title:\"old pond\"*"));
        assertEquals(Optional.of("\"col:x\""), FtsQuery.toMatchExpression("col:x"), "unknown fields are plain text");
    }

    @Test
    void wordsWithoutLettersOrDigitsAreLeftOut() {
        assertEquals(Optional.empty(), FtsQuery.toMatchExpression(" \" ( * 🌕 - "));
        assertEquals(List.of("a", "\"b c\"", "d"), FtsQuery.splitWords("a \"b c\" d"));
    }

    /** Found by SearchFuzzTest: FTS5 ended the quoted word at the NUL and failed with "unterminated string". */
    @Test
    void aControlCharacterSeparatesWordsEvenInsideAPhrase() {
        assertEquals(Optional.of("\"po\" \"nd\""), FtsQuery.toMatchExpression("po\0nd"));
        assertEquals(Optional.of("\"old pond\""), FtsQuery.toMatchExpression("\"old\0pond\""));
        assertEquals(Optional.of("\"frog\""), FtsQuery.toMatchExpression("\u0001frog\u007f\u0085"));
    }
}
