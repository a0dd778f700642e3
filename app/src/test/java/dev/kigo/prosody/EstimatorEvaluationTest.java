package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimatorEvaluationTest {

    @Test
    void heldOutSplitIsStableAndAboutATenth() {
        assertEquals(EstimatorEvaluation.bucket("dragonfly"), EstimatorEvaluation.bucket("dragonfly"));
        long heldOut = SharedProsody.dictionary().words().stream()
                .filter(word -> EstimatorEvaluation.bucket(word) == EstimatorEvaluation.REPORTED_BUCKET).count();
        assertTrue(heldOut > 11_000 && heldOut < 14_000, "held out " + heldOut);
    }

    @Test
    void estimatorIsNeverGivenTheWordsItIsMeasuredOn() {
        PronouncingDictionary dictionary = SharedProsody.dictionary();
        PronouncingDictionary training = dictionary.retainingOnly(word -> EstimatorEvaluation.bucket(word) != 0);
        for (String word : dictionary.words()) {
            if (EstimatorEvaluation.bucket(word) == 0) {
                assertFalse(training.contains(word), word);
            }
        }
    }

    @Test
    void estimatorMatchesAtLeast95PercentOfHeldOutDictionaryWords() {
        EstimatorEvaluation.Result result = EstimatorEvaluation.run(SharedProsody.dictionary(),
                EstimatorEvaluation.REPORTED_BUCKET, 20);
        assertTrue(result.accuracy() >= 0.95, String.format("%.2f%%, misses like %s", 100 * result.accuracy(), result.misses()));
    }
}
