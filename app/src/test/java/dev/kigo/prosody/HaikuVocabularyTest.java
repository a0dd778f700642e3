package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaikuVocabularyTest {

    @Test
    void atLeast95PercentOfFrequentHaikuWordsMissingFromTheDictionaryGetTheHandCount() {
        EstimatorEvaluation.Result result = EstimatorEvaluation.haikuVocabulary(SharedProsody.fresh().counter());
        assertTrue(result.accuracy() >= 0.95, String.format("%.1f%%: %s", 100 * result.accuracy(), result.misses()));
    }

    @Test
    void noneOfTheHandCountedWordsIsInTheDictionarySoTheFallbacksAreWhatIsTested() {
        EstimatorEvaluation.HAND_COUNTED_HAIKU_WORDS.keySet().forEach(word ->
                assertFalse(SharedProsody.dictionary().contains(word), word));
    }
}
