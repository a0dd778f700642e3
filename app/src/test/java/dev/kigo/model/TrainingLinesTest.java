package dev.kigo.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training-line set: the same keys and hashes as the recipe writes, read back from its file. */
class TrainingLinesTest {
    private static Path fixture() throws Exception {
        return Path.of(TrainingLinesTest.class.getResource("/fixtures/training-lines").toURI());
    }

    @Test
    void keysAndHashesAreTheRecipes() throws Exception {
        JsonNode keys = new ObjectMapper().readTree(fixture().resolve("keys.json").toFile()).get("keys");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); checked++) {
            Map.Entry<String, JsonNode> line = it.next();
            assertEquals(line.getValue().get(0).asText(), TrainingLines.key(line.getKey()), line.getKey());
            assertEquals(line.getValue().get(1).asLong(), TrainingLines.hash(TrainingLines.key(line.getKey())),
                    line.getKey());
        }
        assertTrue(checked >= 5, "the fixture's lines were read");
    }

    @Test
    void theRecipesFileIsReadAndMatchesLinesWhateverTheirCaseAndPunctuation() throws Exception {
        TrainingLines lines = TrainingLines.load(fixture()).orElseThrow();
        assertEquals(5, lines.size());
        assertTrue(lines.contains("An old silent pond"));
        assertTrue(lines.contains("splash — silence again"));
        assertTrue(lines.contains("the moon's cold light, falling"));
        assertTrue(lines.contains("Café au lait 1999"));
        assertFalse(lines.contains("an old silent ponds"), "a changed word is not a copy");
        assertFalse(lines.contains("!"), "a line without words is never a copy");
        assertEquals(TrainingLines.of(List.of("an old silent pond")).contains("AN OLD SILENT POND!"), true);
    }

    @Test
    void aBundleWithoutASetHasNoneAndADamagedSetIsOneSentence(@TempDir Path dir) throws Exception {
        assertTrue(TrainingLines.load(dir).isEmpty());
        byte[] good = Files.readAllBytes(fixture().resolve(TrainingLines.FILE));
        Files.write(dir.resolve(TrainingLines.FILE), java.util.Arrays.copyOf(good, good.length - 3));
        ModelLoadException cut = assertThrows(ModelLoadException.class, () -> TrainingLines.load(dir));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        Files.writeString(dir.resolve(TrainingLines.FILE), "not a set at all, just words");
        ModelLoadException foreign = assertThrows(ModelLoadException.class, () -> TrainingLines.load(dir));
        assertTrue(foreign.getMessage().contains("KIGOFNV1"), foreign.getMessage());
    }
}
