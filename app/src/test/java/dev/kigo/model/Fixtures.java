package dev.kigo.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The tiny GPT-2 made by model-assets/recipe/make_fixtures.py, in every layout, and torch's reference logits. */
public final class Fixtures {
    public static final List<String> LAYOUTS = List.of("optimum", "optimum-no-position-ids", "optimum-merged",
            "ort-combined", "ort-combined-no-position-ids");
    /** The Optimum layout with its weights stored as fp16 initializers, each behind a Cast to fp32. */
    public static final String FP16 = "optimum-fp16";
    /** The Optimum layout with its weights in model.onnx.data beside the graph (ONNX's external data). */
    public static final String EXTERNAL_DATA = "optimum-external-data";
    public static final int VOCAB = 257;
    public static final int EOT = 256;
    public static final int CONTEXT = 128;

    private Fixtures() { }

    public static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/tiny-gpt2").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default fixture bundle (Optimum with past, with model.json). */
    public static Path bundle() {
        return bundle("optimum");
    }

    public static Path bundle(String layout) {
        return root().resolve(layout);
    }

    public static JsonNode reference() {
        return read("reference.json");
    }

    /** torch's logits for the fixture whose weights are stored at half precision (its weights are fp16 values). */
    public static JsonNode fp16Reference() {
        return read("reference-" + FP16 + ".json");
    }

    private static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(root().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture bundle into {@code target} so a test may break it. */
    public static Path copy(String layout, Path target) {
        try (Stream<Path> files = Files.list(bundle(layout))) {
            Files.createDirectories(target);
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a fixture bundle whose model.json records no checksums, as a poet's own re-export may: a test may then
     * change model.onnx or tokenizer.json and reach the check it is about.
     */
    public static Path copyUnchecked(String layout, Path target) {
        Path bundle = copy(layout, target);
        try {
            Path manifest = bundle.resolve("model.json");
            String json = Files.readString(manifest);
            int files = json.indexOf(",\n  \"files\": {");
            if (files < 0) {
                throw new IllegalStateException(manifest + " records no files to remove");
            }
            Files.writeString(manifest, json.substring(0, files) + "\n}\n");
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] ints(JsonNode array) {
        int[] result = new int[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = array.get(i).asInt();
        }
        return result;
    }

    public static float[] floats(JsonNode array) {
        float[] result = new float[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = (float) array.get(i).asDouble();
        }
        return result;
    }
}
