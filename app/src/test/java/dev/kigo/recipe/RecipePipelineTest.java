package dev.kigo.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The model recipe end to end in miniature (model-assets/recipe/recipe_smoke.py): corpus from 100 haiku, a 20-step
 * training run with a resume halfway, export; then the Java engine reloads the bundle and matches torch's logits.
 * Needs Debian's python3-torch and python3-onnx (.ci/run installs them) and ../shared/data beside the repo.
 */
class RecipePipelineTest {
    private static final float TOLERANCE = 1e-4f;

    @Test
    void trainedAndExportedModelReloadsInJavaWithTorchsLogits(@TempDir Path out) throws Exception {
        Path repo = Path.of(System.getProperty("kigo.repo.root", "..")).toAbsolutePath().normalize();
        Path data = repo.resolve("../shared/data").normalize();
        assertTrue(Files.isDirectory(data.resolve("haiku")),
                "the recipe test needs the shared corpora at " + data + " (haiku/, verse/, gpt2-tokenizer/)");
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "the recipe test needs Debian's /usr/bin/python3 with python3-torch");

        ProcessBuilder builder = new ProcessBuilder(python.toString(),
                repo.resolve("model-assets/recipe/recipe_smoke.py").toString(),
                "--data", data.toString(), "--out", out.toString())
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
        assertEquals(20, reference.get("steps").asInt(), "training steps after the resume");
        int vocab = reference.get("vocab").asInt();
        int[] prompt = ints(reference.get("promptIds"));
        int[] greedy = ints(reference.get("greedyIds"));
        float[] expected = floats(out.resolve("reference_logits.f32"));
        assertEquals((greedy.length + 1) * vocab, expected.length);

        try (LanguageModel model = LanguageModel.load(out.resolve("bundle"));
             DecoderState state = model.newState(1)) {
            assertEquals(vocab, model.info().vocabSize());
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
