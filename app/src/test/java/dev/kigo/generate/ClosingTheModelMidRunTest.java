package dev.kigo.generate;

import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelClosedException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The studio closes a model while a generation may still be stepping on another thread (another model opened, or
 * quitting). On the real ONNX Runtime, close must wait for the step in flight and the generation must end with a
 * sentence, never a native crash (which would take this JVM, and the test run, down).
 */
class ClosingTheModelMidRunTest {
    private static final LogitsProcessor BAN_END_OF_TEXT = (logits, context) ->
            logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;
    private static final String CLOSED = "The model was closed before the generation finished.";

    /** As long as the fixture's context allows: about 120 steps. */
    private static GenerationRequest longRun() {
        return GenerationRequest.plain("(pond =", SamplingSettings.greedy(4000))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT));
    }

    @Test
    void aGenerationWhoseModelIsClosedMidRunEndsWithASentence() throws Exception {
        LanguageModel model = LanguageModel.load(Fixtures.bundle());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        GenerationJob job = new Generator(model).start(longRun(), (row, event) -> {
            if (event.index() == 3) {
                running.countDown();
                awaitQuietly(closed); // the generation goes on stepping only once the model is gone
            }
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
        model.close();
        closed.countDown();

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> job.result().get(30, TimeUnit.SECONDS));
        GenerationException e = assertInstanceOf(GenerationException.class, failure.getCause());
        assertEquals(CLOSED, e.getMessage());
        assertInstanceOf(ModelClosedException.class, e.getCause());
    }

    @Test
    void closingWhileStepsRunWaitsForTheStepAndNeverCrashes() throws Exception {
        int closedMidRun = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            LanguageModel model = LanguageModel.load(Fixtures.bundle());
            CountDownLatch running = new CountDownLatch(1);
            GenerationJob job = new Generator(model).start(longRun(), (row, event) -> running.countDown());
            assertTrue(running.await(30, TimeUnit.SECONDS));
            // No hand-off: the close lands wherever the generation thread happens to be, often inside a step.
            Thread.sleep(attempt % 4);
            model.close();
            try {
                GenerationResult result = job.result().get(30, TimeUnit.SECONDS);
                assertEquals(FinishReason.CONTEXT_FULL, result.finishReason(), "finished before the close");
            } catch (ExecutionException failure) {
                assertInstanceOf(GenerationException.class, failure.getCause());
                assertEquals(CLOSED, failure.getCause().getMessage());
                closedMidRun++;
            } catch (TimeoutException stuck) {
                fail("the generation neither finished nor failed after the model was closed");
            }
        }
        assertTrue(closedMidRun > 0, "at least some closes should land mid-run");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
