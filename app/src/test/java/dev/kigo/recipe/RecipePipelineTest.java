package dev.kigo.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The model recipe end to end in miniature (model-assets/recipe/recipe_smoke.py): corpus from the recipe's own
 * test data, a short training run with a resume halfway, export; then the Java engine reloads the bundle and
 * matches torch's logits. Both training loops: the CPU one, and the GPU one run on the CPU, whose packed fp16
 * weights are exported at half precision as the shipped model is. Needs Debian's python3-torch and python3-onnx
 * (.ci/run installs them); nothing outside the repository.
 */
class RecipePipelineTest {
    private static final float TOLERANCE = 1e-4f;

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void trainedAndExportedModelReloadsInJavaWithTorchsLogits(String loop, @TempDir Path out) throws Exception {
        Path repo = Path.of(System.getProperty("kigo.repo.root", "..")).toAbsolutePath().normalize();
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "the recipe test needs Debian's /usr/bin/python3 with python3-torch");

        ProcessBuilder builder = new ProcessBuilder(python.toString(),
                repo.resolve("model-assets/recipe/recipe_smoke.py").toString(),
                "--loop", loop, "--out", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("recipe.log").toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("recipe_smoke.py took more than 10 minutes");
        }
        assertEquals(0, process.exitValue(), () -> "recipe_smoke.py failed:\n" + read(out.resolve("recipe.log")));

        JsonNode reference = new ObjectMapper().readTree(out.resolve("reference.json").toFile());
        assertEquals(loop.equals("cpu") ? 20 : 40, reference.get("steps").asInt(), "training steps after the resume");
        if (loop.equals("gpu")) {
            assertTrue(reference.get("last_loss").asDouble() < reference.get("first_loss").asDouble() - 0.3,
                    () -> "the GPU loop's training loss did not fall: " + reference);
            assertEquals("fp16", new ObjectMapper().readTree(out.resolve("bundle/model.json").toFile())
                    .get("onnx").get("weights").asText());
        }
        int vocab = reference.get("vocab").asInt();
        int[] prompt = ints(reference.get("promptIds"));
        int[] greedy = ints(reference.get("greedyIds"));
        float[] expected = floats(out.resolve("reference_logits.f32"));
        assertEquals((greedy.length + 1) * vocab, expected.length);

        try (LanguageModel model = LanguageModel.load(out.resolve("bundle"));
             DecoderState state = model.newState(1)) {
            assertEquals(vocab, model.info().vocabSize());
            assertTrue(model.info().assumptions().stream().noneMatch(a -> a.contains("checksum")),
                    () -> "the export records its files' checksums: " + model.info().assumptions());
            float[] logits = state.prefill(new int[][] {prompt})[0];
            for (int step = 0; ; step++) {
                float worst = 0;
                for (int i = 0; i < vocab; i++) {
                    worst = Math.max(worst, Math.abs(expected[step * vocab + i] - logits[i]));
                }
                assertTrue(worst <= TOLERANCE, "step " + step + ": largest logit difference " + worst);
                if (step == greedy.length) {
                    break;
                }
                logits = state.step(new int[] {greedy[step]})[0];
            }
        }
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
