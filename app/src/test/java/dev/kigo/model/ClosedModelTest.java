package dev.kigo.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Using a model after close fails with a sentence instead of running on freed native memory. */
class ClosedModelTest {

    @Test
    void aStepAfterCloseFailsWithASentence() throws Exception {
        LanguageModel model = LanguageModel.load(Fixtures.bundle());
        try (DecoderState state = model.newState(1)) {
            int[] prompt = model.tokenizer().encode("(pond =");
            state.prefill(new int[][] {prompt});
            model.close();
            assertTrue(model.isClosed());
            ModelClosedException e = assertThrows(ModelClosedException.class, () -> state.step(new int[] {prompt[0]}));
            assertEquals("The model was closed.", e.getMessage());
        }
    }

    @Test
    void theTokenizerAndNewStatesRefuseAfterClose() throws Exception {
        LanguageModel model = LanguageModel.load(Fixtures.bundle());
        TextTokenizer tokenizer = model.tokenizer();
        model.close();
        assertThrows(ModelClosedException.class, () -> tokenizer.encode("dog"));
        assertThrows(ModelClosedException.class, () -> tokenizer.decode(new int[] {1, 2}));
        assertThrows(ModelClosedException.class, () -> model.newState(1));
        model.close(); // a second close is harmless
    }
}
