package dev.kigo.ui.viewmodel;

import dev.kigo.generate.SamplingSettings;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingViewModelTest {

    private final SamplingViewModel model = new SamplingViewModel(SamplingSettings.defaults(), new Random(1));

    @Test
    void fieldsShowTheInitialSettings() {
        assertEquals("0.8", model.text(SamplingField.TEMPERATURE).get());
        assertEquals("40", model.text(SamplingField.TOP_K).get());
        assertEquals("42", model.text(SamplingField.SEED).get());
    }

    @Test
    void validEditUpdatesTheSettingsRecord() {
        model.text(SamplingField.TEMPERATURE).set("1.3");
        model.text(SamplingField.MAX_TOKENS).set("30");
        assertTrue(model.isValid());
        assertEquals(1.3, model.getSettings().temperature());
        assertEquals(30, model.getSettings().maxTokens());
    }

    @Test
    void outOfRangeValueGetsTheRecordsSentenceOnItsOwnField() {
        model.text(SamplingField.TOP_P).set("1.5");
        assertFalse(model.isValid());
        assertTrue(model.error(SamplingField.TOP_P).get().startsWith("Top-p must be above 0 and at most 1"),
                model.error(SamplingField.TOP_P).get());
        assertEquals("", model.error(SamplingField.TEMPERATURE).get());
        assertEquals(0.95, model.getSettings().topP(), "the last valid settings are kept");
    }

    @Test
    void textThatIsNotANumberIsExplained() {
        model.text(SamplingField.BEAMS).set("two");
        assertEquals("Beams must be a whole number, not \"two\".", model.error(SamplingField.BEAMS).get());
        assertEquals(model.error(SamplingField.BEAMS).get(), model.firstErrorProperty().get());
    }

    @Test
    void fixingTheFieldClearsTheMessage() {
        model.text(SamplingField.TEMPERATURE).set("-1");
        assertFalse(model.isValid());
        model.text(SamplingField.TEMPERATURE).set("0");
        assertTrue(model.isValid());
        assertEquals("", model.error(SamplingField.TEMPERATURE).get());
        assertEquals(0.0, model.getSettings().temperature());
    }

    @Test
    void decimalCommaIsAccepted() {
        model.text(SamplingField.MIN_P).set("0,05");
        assertEquals(0.05, model.getSettings().minP());
    }

    @Test
    void diceRollsANewSeedIntoTheSettings() {
        long before = model.getSettings().seed();
        model.rollSeed();
        assertNotEquals(before, model.getSettings().seed());
        assertEquals(Long.toString(model.getSettings().seed()), model.text(SamplingField.SEED).get());
    }

    @Test
    void applyingSettingsRewritesEveryFieldAndClearsErrors() {
        model.text(SamplingField.TOP_K).set("-4");
        SamplingSettings greedy = SamplingSettings.greedy(20);
        model.apply(greedy);
        assertTrue(model.isValid());
        assertEquals(greedy, model.getSettings());
        assertEquals("0.0", model.text(SamplingField.TEMPERATURE).get());
    }
}
