package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyllableCounterTest {

    private final SyllableCounter counter = SharedProsody.fresh().counter();

    private void assertCount(String word, int syllables, Source source) {
        WordCount count = counter.count(word);
        assertEquals(syllables, count.preferred(), word + ": " + count);
        assertEquals(source, count.source(), word + ": " + count);
    }

    @Test
    void dictionaryWordsCountByTheirVowels() {
        assertCount("haiku", 2, Source.DICTIONARY);
        assertCount("poem", 2, Source.DICTIONARY); // this CMU copy has only P OW1 AH0 M
    }

    @Test
    void wordsWithSeveralPronunciationsGiveARangeWithThePreferredReadingFirst() {
        assertEquals(new SyllableRange(1, 2), counter.range("fire"));
        assertEquals(List.of(2, 1), counter.count("fire").readings());
        assertEquals(new SyllableRange(2, 3), counter.range("every"));
    }

    @Test
    void compoundsSplitOnDictionaryWords() {
        assertCount("dragonfly", 3, Source.ESTIMATE);
        assertEquals("dragon + fly", counter.count("dragonfly").derivation());
        assertCount("dragonflies", 3, Source.ESTIMATE);
        assertCount("moonless", 2, Source.ESTIMATE);
        assertCount("snowmelt", 2, Source.ESTIMATE);
    }

    @Test
    void unknownWordsFallBackToSpellingRules() {
        assertCount("wisteria", 4, Source.ESTIMATE);
        assertCount("gibbous", 2, Source.ESTIMATE);
        assertEquals("spelling rules", counter.count("wisteria").derivation());
    }

    @Test
    void possessivesAndContractionsUseTheirStem() {
        assertCount("spider's", 2, Source.DICTIONARY);
        assertEquals("spider + 's", counter.count("spider's").derivation());
        assertCount("don't", 1, Source.DICTIONARY);
        assertCount("hawk's", 1, Source.DICTIONARY);
        assertCount("finch's", 2, Source.DICTIONARY);
        assertCount("heron's", 2, Source.DICTIONARY);
    }

    @Test
    void curlyApostrophesCountLikeStraightOnes() {
        assertCount("spider\u2019s", 2, Source.DICTIONARY);
        assertCount("don\u2019t", 1, Source.DICTIONARY);
        assertCount("\u2018tis", 1, Source.DICTIONARY);
    }

    @Test
    void numbersAreSpelledOutTheWayTheyAreRead() {
        // nine-teen nine-ty nine: five syllables
        assertCount("1999", 5, Source.DICTIONARY);
        assertEquals("nineteen ninety nine", counter.count("1999").derivation());
        assertCount("2007", 5, Source.DICTIONARY);   // two thousand seven
        assertCount("1905", 4, Source.DICTIONARY);   // nineteen oh five
        assertCount("7", 2, Source.DICTIONARY);
        assertCount("1,000", 3, Source.DICTIONARY);
        assertCount("3.5", 3, Source.DICTIONARY);    // three point five
        assertCount("21st", 3, Source.DICTIONARY);   // twenty first
    }

    @Test
    void allCapsWordsAreWordsUnlessTheyLookLikeAcronyms() {
        assertCount("HAIKU", 2, Source.DICTIONARY);
        assertCount("DRAGONFLY", 3, Source.ESTIMATE);
        assertCount("NYC", 3, Source.DICTIONARY);
        assertEquals("spelled N-Y-C", counter.count("NYC").derivation());
    }

    @Test
    void hyphenatedWordsAddTheirParts() {
        assertCount("moon-lit", 2, Source.DICTIONARY);
        assertCount("long-forgotten", 4, Source.DICTIONARY);
        assertEquals(List.of("M UW1 N", "L IH1 T"), counter.count("moon-lit").spokenPhones());
    }

    @Test
    void accentsAreIgnored() {
        assertCount("café", 2, Source.DICTIONARY);
        assertCount("Bashō", 2, Source.ESTIMATE);
    }

    @Test
    void userOverridesComeBeforeTheDictionary() {
        Prosody prosody = SharedProsody.fresh();
        prosody.userDictionary().put("poem", 1);
        prosody.userDictionary().put("Kigo", "K IY1 G OW0");
        assertEquals(1, prosody.count("Poem").preferred());
        assertEquals(Source.USER, prosody.count("poem").source());
        assertEquals(List.of("K IY1 G OW0"), prosody.count("kigo").spokenPhones());
        assertEquals(2, prosody.count("kigo's").preferred(), "a user word is a stem for clitics too");
        prosody.userDictionary().remove("poem");
        assertEquals(Source.DICTIONARY, prosody.count("poem").source());
    }

    @Test
    void estimatorOnlyNeverLooksTheWholeWordUp() {
        SyllableCounter estimator = SyllableCounter.estimatorOnly(SharedProsody.dictionary());
        WordCount haiku = estimator.count("haiku");
        assertEquals(Source.ESTIMATE, haiku.source());
        assertEquals(2, haiku.preferred());
    }
}
