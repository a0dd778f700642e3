package dev.kigo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.model.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kigo.cli.CliRun.kigo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `--precision` picks a quantized variant of the model folder, and `kigo info` says which precision runs. */
class PrecisionCommandsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void infoShowsThePrecisionItsQuantizationAndTheFoldersVariants() throws Exception {
        CliRun run = kigo("info", "--model", Fixtures.bundle().toString(), "--precision", "int4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode info = mapper.readTree(run.out());
        assertEquals("int4", info.get("weights").asText());
        assertTrue(info.get("quantization").asText().startsWith("MatMulNBits, 4-bit, blocks of 32"), run.out());
        assertEquals(Fixtures.bundle("optimum/int4").toAbsolutePath().normalize().toString(),
                info.get("folder").asText());
        assertEquals("[\"fp32 (optimum)\",\"int8 (optimum/int8)\",\"int4 (optimum/int4)\"]",
                info.get("variants").toString());

        CliRun text = kigo("info", "--model", Fixtures.bundle("optimum/int8").toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().lines().anyMatch(line -> line.matches("weights +int8")), text.out());
        assertTrue(text.out().lines().anyMatch(line -> line.matches("quantization +MatMulNBits, 8-bit.*")), text.out());
    }

    @Test
    void generateRunsTheVariantUnderItsOwnName() throws Exception {
        CliRun int8 = kigo("generate", "--model", Fixtures.bundle().toString(), "--precision", "int8",
                "--keywords", "dog rain", "--temperature", "0", "--max-tokens", "6", "--json");
        assertEquals(0, int8.exitCode(), int8.err());
        JsonNode quantized = mapper.readTree(int8.out());
        assertEquals("tiny-gpt2-optimum-int8", quantized.get("model").asText());
        assertEquals(6, quantized.get("generatedTokens").asInt(), int8.out());
    }

    @Test
    void aPrecisionTheFolderLacksIsOneSentenceSayingHowToMakeIt() {
        CliRun run = kigo("info", "--model", Fixtures.bundle("optimum-fp16").toString(), "--precision", "int4");
        assertEquals(1, run.exitCode());
        Path base = Fixtures.bundle("optimum-fp16").toAbsolutePath().normalize();
        assertEquals("kigo: " + base + " has no int4 variant (it has fp16, int8); make one with /usr/bin/python3 -m"
                + " kigo_recipe.quantize --bundle " + base + " --precision int4 (model-assets/recipe).",
                run.err().strip());
        CliRun unknown = kigo("info", "--model", Fixtures.bundle().toString(), "--precision", "int3");
        assertEquals(1, unknown.exitCode());
        assertEquals("kigo: There is no precision \"int3\"; choose one of fp32, fp16, int8, int4.", unknown.err().strip());
        assertTrue(Files.isDirectory(base));
    }
}
