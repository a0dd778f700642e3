package dev.kigo.generate;

import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real ONNX Runtime failure mid-generation: the fixture's manifest overstates its context, so a step past the
 * graph's 128 positions fails inside ONNX Runtime. The graph takes no position ids, so the load cannot probe its
 * length (a graph that takes them is refused at load instead). The poet reads one sentence, not the binding's raw text.
 */
class OnnxFailureMessageTest {
    private static final LogitsProcessor BAN_END_OF_TEXT = (logits, context) ->
            logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;

    @TempDir
    Path dir;

    private LanguageModel modelClaimingALongerContext() throws Exception {
        Path bundle = Fixtures.copy("optimum-no-position-ids", dir.resolve("bundle"));
        Path manifest = bundle.resolve("model.json");
        String json = Files.readString(manifest);
        assertTrue(json.contains("\"contextLength\": " + Fixtures.CONTEXT));
        Files.writeString(manifest, json.replace("\"contextLength\": " + Fixtures.CONTEXT, "\"contextLength\": 1024"));
        return LanguageModel.load(bundle);
    }

    private static void assertOneSentence(String expectedStart, String message) {
        assertTrue(message.startsWith(expectedStart), message);
        assertTrue(message.endsWith(").") && !message.contains("\n"), "one sentence: " + message);
        assertTrue(!message.contains("Error code") && !message.contains("ORT_"), "no binding prefix: " + message);
        assertTrue(message.contains("indices element out of data bounds"), "the native reason stays: " + message);
    }

    @Test
    void aFailedStepIsReportedAsOneSentence() throws Exception {
        try (LanguageModel model = modelClaimingALongerContext()) {
            GenerationException e = assertThrows(GenerationException.class, () -> new Generator(model).generate(
                    GenerationRequest.plain("x", SamplingSettings.greedy(300))
                            .withProcessors(() -> List.of(BAN_END_OF_TEXT))));
            assertOneSentence("ONNX Runtime failed while generating (", e.getMessage());
        }
    }

    @Test
    void aFailedBeamSearchStepIsReportedAsOneSentence() throws Exception {
        try (LanguageModel model = modelClaimingALongerContext()) {
            SamplingSettings beams = new SamplingSettings(1.0, 0, 1.0, 0, 1.0, 0, 2, 300, 1, List.of());
            GenerationException e = assertThrows(GenerationException.class, () -> new Generator(model).generate(
                    GenerationRequest.plain("x", beams).withProcessors(() -> List.of(BAN_END_OF_TEXT))));
            assertOneSentence("ONNX Runtime failed during beam search (", e.getMessage());
        }
    }
}
