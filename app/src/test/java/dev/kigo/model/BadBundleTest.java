package dev.kigo.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every broken bundle is refused with one sentence naming the file and the problem. */
class BadBundleTest {
    @TempDir
    Path dir;

    private Path good() {
        return Fixtures.copy("optimum", dir.resolve("bundle"));
    }

    /** A good bundle whose model.json records no checksums, so its files may be broken in other ways. */
    private Path unchecked() {
        return Fixtures.copyUnchecked("optimum", dir.resolve("bundle"));
    }

    private static String refusal(Path bundle) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> LanguageModel.load(bundle).close());
        String message = e.getMessage();
        assertTrue(message.endsWith(".") && !message.contains("\n") && !message.contains("Exception"),
                "one plain sentence: " + message);
        return message;
    }

    /** Renames a name inside the ONNX protobuf; same length keeps every length prefix valid. */
    private static void renameInGraph(Path model, String from, String to) throws Exception {
        assertEquals(from.length(), to.length());
        String bytes = new String(Files.readAllBytes(model), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains(from));
        Files.write(model, bytes.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aMissingFolderIsNamed() {
        Path nowhere = dir.resolve("nowhere");
        assertEquals("There is no model folder at " + nowhere + ".", refusal(nowhere));
    }

    @Test
    void aMissingModelFileIsNamed() throws Exception {
        Path bundle = good();
        Files.delete(bundle.resolve("model.onnx"));
        assertEquals(bundle.resolve("model.onnx") + " is missing: a model folder needs model.onnx and tokenizer.json.",
                refusal(bundle));
    }

    @Test
    void aMissingTokenizerIsNamed() throws Exception {
        Path bundle = good();
        Files.delete(bundle.resolve("tokenizer.json"));
        assertTrue(refusal(bundle).startsWith(bundle.resolve("tokenizer.json") + " is missing"));
    }

    @Test
    void aTruncatedModelThatNothingRecordsIsCalledDamaged() throws Exception {
        Path bundle = unchecked();
        Path model = bundle.resolve("model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(refusal(bundle).startsWith(model + " is damaged or not an ONNX model, perhaps cut short"));
    }

    @Test
    void aTokenizerOfAnotherVocabularyDoesNotBelong() throws Exception {
        Path bundle = unchecked();
        Path tokenizer = bundle.resolve("tokenizer.json");
        String json = Files.readString(tokenizer);
        String extra = "{\"id\": 257, \"content\": \"<|extra1|>\", \"single_word\": false, \"lstrip\": false,"
                + " \"rstrip\": false, \"normalized\": true, \"special\": true},\n  {\"id\": 258, \"content\": \"<|extra2|>\","
                + " \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": true, \"special\": true},";
        Files.writeString(tokenizer, json.replaceFirst("\"added_tokens\": \\[", "\"added_tokens\": [" + extra));
        assertEquals(tokenizer + " has 259 tokens but model.onnx writes logits for 257, so they do not belong together.",
                refusal(bundle));
    }

    @Test
    void anUnknownInputIsNamed() throws Exception {
        Path bundle = unchecked();
        renameInGraph(bundle.resolve("model.onnx"), "attention_mask", "attention_mast");
        assertEquals(bundle.resolve("model.onnx") + " has input attention_mast that Kigo does not know (it knows"
                + " input_ids, attention_mask, position_ids, past_key_values.N.key/.value, past_N or use_cache_branch).",
                refusal(bundle));
    }

    @Test
    void aGraphWithoutLogitsIsNotACausalLanguageModel() throws Exception {
        Path bundle = unchecked();
        renameInGraph(bundle.resolve("model.onnx"), "logits", "hidden");
        String message = refusal(bundle);
        assertTrue(message.startsWith(bundle.resolve("model.onnx") + " has no float \"logits\" output of shape"
                + " [batch, sequence, vocabulary], so it is not a causal language model (its outputs are hidden, "), message);
    }

    @Test
    void aBrokenManifestIsNamed() throws Exception {
        Path bundle = good();
        Files.writeString(bundle.resolve("model.json"), "{\"layers\": 2,");
        assertTrue(refusal(bundle).startsWith(bundle.resolve("model.json") + " is not valid model JSON ("));
    }

    @Test
    void aManifestThatContradictsTheGraphIsNamed() throws Exception {
        Path bundle = good();
        Path manifest = bundle.resolve("model.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"layers\": 2", "\"layers\": 12"));
        assertEquals(manifest + " says 12 layers but model.onnx has 2.", refusal(bundle));
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 1024, 100_000})
    void aContextLongerThanTheGraphsPositionsIsRefusedAtLoad(int claimed) throws Exception {
        Path bundle = good();
        Path manifest = bundle.resolve("model.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"contextLength\": 128",
                "\"contextLength\": " + claimed));
        assertEquals(manifest + " says contextLength " + claimed + " but model.onnx has positions for 128 tokens.",
                refusal(bundle));
    }

    @Test
    void aContextTheGraphReachesLoadsAndAZeroContextIsRefused() throws Exception {
        Path bundle = good();
        Path manifest = bundle.resolve("model.json");
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replace("\"contextLength\": 128", "\"contextLength\": 64"));
        try (LanguageModel model = LanguageModel.load(bundle)) {
            assertEquals(64, model.info().contextLength());
        }
        Files.writeString(manifest, json.replace("\"contextLength\": 128", "\"contextLength\": 0"));
        assertEquals(manifest + " says contextLength 0; a model reads at least one token.", refusal(bundle));
    }

    @Test
    void afterARefusalTheNextGoodBundleLoads() throws Exception {
        Path bundle = good();
        Files.delete(bundle.resolve("tokenizer.json"));
        refusal(bundle);
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle())) {
            assertEquals(2, model.info().layers());
        }
    }

    @Test
    void askingForCudaWithoutAGpuRunsOnTheCpuAndSaysSo() throws Exception {
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle(), Device.CUDA)) {
            assertEquals(Device.CPU, model.info().device());
            assertTrue(model.info().deviceNote().startsWith("CUDA is not available here ("), model.info().deviceNote());
            assertTrue(model.info().deviceNote().endsWith("so the model runs on the CPU."));
        }
    }
}
