package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PronouncingDictionaryTest {

    @Test
    void shippedDictionaryHasEveryDistinctWordOfTheFile() {
        PronouncingDictionary dictionary = SharedProsody.dictionary();
        assertEquals(126_052, dictionary.size());
        assertEquals(List.of(Pronunciation.of("HH AY1 K UW0")), dictionary.pronunciations("haiku"));
    }

    @Test
    void alternatesFollowThePreferredPronunciationAndGiveARange() {
        PronouncingDictionary dictionary = SharedProsody.dictionary();
        assertEquals("F AY1 ER0", dictionary.pronunciations("fire").get(0).phones());
        assertEquals(Optional.of(new SyllableRange(1, 2)), dictionary.syllableRange("fire"));
        assertEquals(Optional.of(new SyllableRange(2, 3)), dictionary.syllableRange("every"));
    }

    @Test
    void inlineCommentsAreNotPhones() {
        Pronunciation aalborg = SharedProsody.dictionary().pronunciations("aalborg").get(0);
        assertEquals("AO1 L B AO0 R G", aalborg.phones());
        assertEquals(2, aalborg.syllables());
    }

    @Test
    void wordsWithoutVowelsHaveZeroSyllablesAndApostropheWordsKeepTheirQuote() {
        PronouncingDictionary dictionary = SharedProsody.dictionary();
        assertEquals(0, dictionary.pronunciations("hmm").get(0).syllables());
        assertTrue(dictionary.contains("'tis"));
    }

    @Test
    void readsOneSpaceTwoSpaceAndCommentedLinesAlike() {
        String text = """
                # a whole-line comment
                fire  F AY1 ER0
                fire(2) F AY1 R
                'tis T IH1 Z
                aalborg AO1 L B AO0 R G # place, danish

                """;
        PronouncingDictionary dictionary = PronouncingDictionary.load(new StringReader(text));
        assertEquals(3, dictionary.size());
        assertEquals(List.of(Pronunciation.of("F AY1 ER0"), Pronunciation.of("F AY1 R")), dictionary.pronunciations("fire"));
        assertEquals("T IH1 Z", dictionary.pronunciations("'tis").get(0).phones());
        assertEquals("AO1 L B AO0 R G", dictionary.pronunciations("aalborg").get(0).phones());
    }

    @Test
    void anAlternateListedBeforeItsPlainWordStillComesSecond() {
        PronouncingDictionary dictionary = PronouncingDictionary.load(new StringReader("fire(2) F AY1 R\nfire F AY1 ER0\n"));
        assertEquals(2, dictionary.pronunciations("fire").get(0).syllables());
    }

    @Test
    void prefixIndexGivesFewestAndMostSyllablesOfAnyCompletion() {
        SyllablePrefixIndex index = SharedProsody.dictionary().prefixIndex();
        assertEquals(126_052, index.size());
        assertEquals(Optional.of(new SyllableRange(2, 2)), index.completions("haiku"));
        SyllableRange fir = index.completions("fir").orElseThrow();
        assertTrue(fir.min() <= 1 && fir.max() >= 3, "fir covers fir, fire, firearms, firmament: " + fir);
        assertTrue(index.hasCompletion("dragon"));
        assertFalse(index.hasCompletion("xqzw"));
        assertEquals(Optional.empty(), index.completions("xqzw"));
    }

    @Test
    void prefixIndexOverAMapMatchesABruteForceScan() {
        java.util.Map<String, SyllableRange> ranges = SharedProsody.dictionary().syllableRanges();
        SyllablePrefixIndex index = SyllablePrefixIndex.of(ranges);
        for (String prefix : List.of("a", "moon", "wist", "qu", "zz", "'")) {
            int min = Integer.MAX_VALUE;
            int max = -1;
            for (var entry : ranges.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    min = Math.min(min, entry.getValue().min());
                    max = Math.max(max, entry.getValue().max());
                }
            }
            Optional<SyllableRange> expected = max < 0 ? Optional.empty() : Optional.of(new SyllableRange(min, max));
            assertEquals(expected, index.completions(prefix), prefix);
        }
    }

    @Test
    void aMissingExplicitDictionaryFileIsReportedByName() {
        String before = System.getProperty("kigo.dictionary");
        System.setProperty("kigo.dictionary", "/nonexistent/cmudict.dict");
        try {
            IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    PronouncingDictionary::loadDefault);
            assertTrue(error.getMessage().contains("/nonexistent/cmudict.dict"), error.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("kigo.dictionary");
            } else {
                System.setProperty("kigo.dictionary", before);
            }
        }
    }
}
