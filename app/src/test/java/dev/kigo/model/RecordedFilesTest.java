package dev.kigo.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * model.json records each file's size and SHA-256 (kigo_recipe.export): a file damaged after export is refused by
 * name before it can write gibberish, and a poet's own re-export loads once its entry is removed.
 */
class RecordedFilesTest {
    private static final String ACCEPT_OWN = "; if you made it yourself, remove its entry under \"files\" in model.json"
            + " to load it unchecked.";

    @TempDir
    Path dir;

    private static String refusal(Path bundle) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> LanguageModel.load(bundle).close());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    /** A copy of the default fixture, whose model.json records its files. */
    private Path checked() {
        return Fixtures.copy("optimum", dir.resolve("bundle"));
    }

    private static String damagedOrReplaced(Path file) {
        return file + " does not match the SHA-256 that model.json records for it, so it was damaged or replaced"
                + ACCEPT_OWN;
    }

    @Test
    void aFlippedByteInTheWeightsIsRefusedNamingTheFile() throws Exception {
        Path bundle = checked();
        Path model = bundle.resolve("model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        // Deep inside the weights: ONNX Runtime parses the file happily and the logits are merely wrong.
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(model, bytes);
        assertEquals(damagedOrReplaced(model), refusal(bundle));
    }

    @Test
    void aTokenizerWithShuffledIdsIsRefusedNamingTheFile() throws Exception {
        Path bundle = checked();
        Path tokenizer = bundle.resolve("tokenizer.json");
        String json = Files.readString(tokenizer);
        // Swaps the ids of "a" (97) and "b" (98): same size, valid JSON, every "a" becomes a "b".
        String shuffled = json.replace("\"a\": 97", "\"a\": @").replace("\"b\": 98", "\"b\": 97").replace("\"a\": @",
                "\"a\": 98");
        assertFalse(shuffled.equals(json));
        Files.writeString(tokenizer, shuffled);
        assertEquals(damagedOrReplaced(tokenizer), refusal(bundle));
    }

    @Test
    void aModelCutShortIsRefusedBySizeBeforeHashing() throws Exception {
        Path bundle = checked();
        Path model = bundle.resolve("model.onnx");
        long size = Files.size(model);
        try (var channel = java.nio.channels.FileChannel.open(model, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(1000);
        }
        assertEquals(model + " is 1000 bytes but model.json records " + size + ", so it was cut short or replaced"
                + ACCEPT_OWN, refusal(bundle));
    }

    @Test
    void aPoetsOwnReExportLoadsOnceItsEntryIsRemovedAndSaysItIsUnchecked() throws Exception {
        Path bundle = Fixtures.copyUnchecked("optimum", dir.resolve("bundle"));
        Path tokenizer = bundle.resolve("tokenizer.json");
        Files.writeString(tokenizer, Files.readString(tokenizer).replace("\"trim_offsets\": true",
                "\"trim_offsets\": false"));
        try (LanguageModel model = LanguageModel.load(bundle)) {
            assertTrue(model.info().assumptions().contains(
                    "model.json records no checksum of model.onnx, so damage to it cannot be detected."),
                    model.info().assumptions()::toString);
            assertTrue(model.info().assumptions().contains(
                    "model.json records no checksum of tokenizer.json, so damage to it cannot be detected."));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"optimum", "optimum-merged", "ort-combined", "optimum-fp16", Fixtures.EXTERNAL_DATA})
    void everyFixtureRecordsItsFilesAndLoadsChecked(String layout) throws Exception {
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle(layout))) {
            assertTrue(model.info().assumptions().stream().noneMatch(a -> a.contains("checksum")),
                    model.info().assumptions()::toString);
            byte[] graph = Files.readAllBytes(Fixtures.bundle(layout).resolve("model.onnx"));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(graph)),
                    model.info().graphSha256());
        }
    }

    @Test
    void damagedWeightsBesideTheGraphAreRefusedNamingTheirFile() throws Exception {
        Path bundle = Fixtures.copy(Fixtures.EXTERNAL_DATA, dir.resolve("bundle"));
        Path data = bundle.resolve("model.onnx.data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[100] ^= 1;
        Files.write(data, bytes);
        assertEquals(damagedOrReplaced(data), refusal(bundle));
        Files.delete(data);
        assertEquals(data + " is missing, though model.json records it as part of the model.", refusal(bundle));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../model.onnx", "/etc/passwd", "..", "sub\\\\model.onnx"})
    void aRecordedNameOutsideTheFolderIsRefused(String name) throws Exception {
        Path bundle = checked();
        Path manifest = bundle.resolve("model.json");
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, json.replace("\"files\": {", "\"files\": {\n    \"" + name + "\": {\"sha256\": \""
                + "0".repeat(64) + "\"},"));
        String shown = name.replace("\\\\", "\\");
        assertEquals(manifest + " lists \"" + shown + "\" under \"files\", which is not the name of a file in the model"
                + " folder.", refusal(bundle));
    }

    @Test
    void aRecordedChecksumThatIsNotSha256IsRefused() throws Exception {
        Path bundle = checked();
        Path manifest = bundle.resolve("model.json");
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replaceFirst("\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"abc\""));
        assertEquals(manifest + " gives model.onnx no SHA-256 of 64 lower-case hex digits under \"files\".",
                refusal(bundle));
    }
}
