package dev.kigo.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java engine computes the same logits as the torch model, in every ONNX layout it accepts. */
class DecoderParityTest {
    private static final float TOLERANCE = 1e-4f;

    @ParameterizedTest
    @ValueSource(strings = {"optimum", "optimum-no-position-ids", "optimum-merged", "ort-combined",
            "ort-combined-no-position-ids"})
    void promptStepAndTwentyCachedGreedyStepsMatchTorch(String layout) throws Exception {
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle(layout))) {
            assertEquals(layout.startsWith("optimum-merged") ? OnnxLayout.OPTIMUM_MERGED
                    : layout.startsWith("optimum") ? OnnxLayout.OPTIMUM_WITH_PAST : OnnxLayout.ORT_COMBINED_PAST,
                    model.info().layout());
            assertEquals(!layout.endsWith("no-position-ids"), model.info().positionIds());
            assertPromptAndGreedyStepsMatchTorch(model);
        }
    }

    @org.junit.jupiter.api.Test
    void onOneThreadTheEngineComputesTheSameLogits() throws Exception {
        // The studio runs ONNX Runtime on one core fewer than the machine has; the numbers must not change with it.
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle("optimum"), Device.CPU, 1)) {
            assertEquals(1, model.info().cpuThreads());
            assertPromptAndGreedyStepsMatchTorch(model);
        }
    }

    @org.junit.jupiter.api.Test
    void weightsStoredAtHalfPrecisionComputeTorchsFp32Logits() throws Exception {
        // The stored fp16 values are exactly the model's weights and the session casts them to fp32 once, at load,
        // so the fp32 layouts' tolerance holds: the only differences left are kernel rounding, as for any layout.
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle(Fixtures.FP16))) {
            assertEquals("fp16", model.info().weights());
            assertEquals(OnnxLayout.OPTIMUM_WITH_PAST, model.info().layout());
            assertPromptAndGreedyStepsMatch(model, Fixtures.fp16Reference());
        }
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle("optimum"))) {
            assertEquals("fp32", model.info().weights());
        }
    }

    private static void assertPromptAndGreedyStepsMatchTorch(LanguageModel model) throws Exception {
        assertPromptAndGreedyStepsMatch(model, Fixtures.reference());
    }

    private static void assertPromptAndGreedyStepsMatch(LanguageModel model, JsonNode reference) throws Exception {
        int[] prompt = Fixtures.ints(reference.get("promptIds"));
        int[] greedy = Fixtures.ints(reference.get("greedyIds"));
        JsonNode expected = reference.get("logits");
        try (DecoderState state = model.newState(1)) {
            float[] logits = state.prefill(new int[][] {prompt})[0];
            assertClose(Fixtures.floats(expected.get(0)), logits, "prompt step");
            for (int step = 0; step < greedy.length; step++) {
                assertEquals(greedy[step], argmax(logits), "greedy choice at step " + step);
                logits = state.step(new int[] {greedy[step]})[0];
                assertClose(Fixtures.floats(expected.get(step + 1)), logits, "cached step " + (step + 1));
            }
            assertEquals(prompt.length + greedy.length, state.length());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"optimum", "optimum-merged", "ort-combined-no-position-ids"})
    void leftPaddedBatchMatchesTorch(String layout) throws Exception {
        JsonNode batch = Fixtures.reference().get("batch");
        int[][] prompts = {Fixtures.ints(batch.get("promptIds").get(0)), Fixtures.ints(batch.get("promptIds").get(1))};
        JsonNode expected = batch.get("logits");
        int[][] greedy = {Fixtures.ints(batch.get("greedyIds").get(0)), Fixtures.ints(batch.get("greedyIds").get(1))};
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle(layout));
             DecoderState state = model.newState(2)) {
            float[][] logits = state.prefill(prompts);
            for (int step = 0; ; step++) {
                for (int row = 0; row < 2; row++) {
                    assertClose(Fixtures.floats(expected.get(step).get(row)), logits[row], "row " + row + " step " + step);
                }
                if (step == greedy[0].length) {
                    break;
                }
                logits = state.step(new int[] {greedy[0][step], greedy[1][step]});
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"optimum", "optimum-merged", "ort-combined"})
    void bundleWithoutManifestIsInferredFromTheGraph(String layout, @TempDir Path dir) throws Exception {
        Path bundle = Fixtures.copy(layout, dir.resolve(layout));
        Files.delete(bundle.resolve(LanguageModel.MANIFEST_FILE));
        JsonNode reference = Fixtures.reference();
        try (LanguageModel model = LanguageModel.load(bundle);
             DecoderState state = model.newState(1)) {
            ModelInfo info = model.info();
            assertEquals(2, info.layers());
            assertEquals(4, info.heads());
            assertEquals(32, info.width());
            assertEquals(Fixtures.VOCAB, info.vocabSize());
            assertEquals(Fixtures.EOT, info.eotId());
            assertEquals(LanguageModel.GPT2_CONTEXT, info.contextLength());
            assertTrue(info.assumptions().stream().anyMatch(a -> a.contains("context length")), info.assumptions()::toString);
            float[] logits = state.prefill(new int[][] {Fixtures.ints(reference.get("promptIds"))})[0];
            assertClose(Fixtures.floats(reference.get("logits").get(0)), logits, "prompt step");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"optimum", "ort-combined"})
    void reorderingRowsCarriesEachRowsCache(String layout) throws Exception {
        JsonNode reference = Fixtures.reference();
        int[] prompt = Fixtures.ints(reference.get("promptIds"));
        int[] greedy = Fixtures.ints(reference.get("greedyIds"));
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle(layout));
             DecoderState state = model.newState(1)) {
            state.prefill(new int[][] {prompt});
            state.reorder(new int[] {0, 0, 0});
            float[][] logits = state.step(new int[] {greedy[0], 7, greedy[0]});
            float[] expected = Fixtures.floats(reference.get("logits").get(1));
            assertClose(expected, logits[0], "row 0");
            assertClose(expected, logits[2], "row 2");
            state.reorder(new int[] {2});
            float[] next = state.step(new int[] {greedy[1]})[0];
            assertClose(Fixtures.floats(reference.get("logits").get(2)), next, "after narrowing");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"optimum", "ort-combined"})
    void reorderingTwiceBeforeAStepAndReorderingInPlaceKeepEachRowsCache(String layout) throws Exception {
        JsonNode reference = Fixtures.reference();
        int[] prompt = Fixtures.ints(reference.get("promptIds"));
        int[] greedy = Fixtures.ints(reference.get("greedyIds"));
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle(layout));
             DecoderState state = model.newState(1)) {
            state.prefill(new int[][] {prompt});
            state.reorder(new int[] {0, 0});
            state.reorder(new int[] {1, 0, 1}); // reads the tensors the first reordering built
            state.reorder(new int[] {0, 1, 2}); // every row continues itself
            float[][] logits = state.step(new int[] {greedy[0], greedy[0], greedy[0]});
            for (int row = 0; row < 3; row++) {
                assertClose(Fixtures.floats(reference.get("logits").get(1)), logits[row], "row " + row);
            }
            state.reorder(new int[] {2, 0, 1}); // reuses the buffers of the first reorderings
            logits = state.step(new int[] {greedy[1], greedy[1], greedy[1]});
            for (int row = 0; row < 3; row++) {
                assertClose(Fixtures.floats(reference.get("logits").get(2)), logits[row], "row " + row + " step 2");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aStepReusesTheArraysOfTheLastAndWritesItsOwnLogitsIntoThem() throws Exception {
        JsonNode reference = Fixtures.reference();
        int[] prompt = Fixtures.ints(reference.get("promptIds"));
        int[] greedy = Fixtures.ints(reference.get("greedyIds"));
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle("optimum"));
             DecoderState state = model.newState(1)) {
            float[][] first = state.prefill(new int[][] {prompt});
            java.util.Arrays.fill(first[0], 42f); // callers may work in place: the sampler does
            float[][] second = state.step(new int[] {greedy[0]});
            assertTrue(first == second && first[0] == second[0], "no new logits array per step");
            assertClose(Fixtures.floats(reference.get("logits").get(1)), second[0], "cached step 1");
        }
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": vocabulary size");
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= TOLERANCE, what + ": largest difference " + worst);
    }

    @SuppressWarnings("unused")
    private static void unused() {
        assertArrayEquals(new int[0], new int[0]);
    }
}
