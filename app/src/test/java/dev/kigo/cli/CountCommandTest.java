package dev.kigo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.library.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountCommandTest {

    private record Run(int exitCode, String out, String err) { }

    /** An empty data folder: the poet's own library must not change what these tests count. */
    @TempDir
    Path dataDir;

    private Run count(String... args) {
        return countStdin(new byte[0], args);
    }

    /** Runs `kigo count` with {@code stdin} as its standard input. */
    private Run countStdin(byte[] stdin, String... args) {
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = dataDir.toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CountCommand command = new CountCommand();
        command.stdin = new ByteArrayInputStream(stdin);
        int exitCode = KigoCli.execute(new CommandLine(command), withData, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void jsonGivesPerLineAndPerWordCountsWithTheirSource() throws Exception {
        Run run = count("--json", "in an ancient pond / the dragonfly's wings / fire");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode poem = new ObjectMapper().readTree(run.out());
        assertEquals("haiku", poem.get("form").asText());
        assertFalse(poem.get("fits").asBoolean());
        JsonNode lines = poem.get("lines");
        assertEquals(3, lines.size());
        assertEquals(5, lines.get(0).get("syllables").asInt());
        assertEquals("OK", lines.get(0).get("verdict").asText());
        JsonNode dragonfly = lines.get(1).get("words").get(1);
        assertEquals("dragonfly's", dragonfly.get("text").asText());
        assertEquals("ESTIMATE", dragonfly.get("source").asText());
        assertEquals(3, dragonfly.get("syllables").asInt());
        assertEquals(4, dragonfly.get("start").asInt());
        assertEquals("SHORT", lines.get(2).get("verdict").asText());
        assertEquals(1, lines.get(2).get("min").asInt());
        assertEquals(2, lines.get(2).get("max").asInt());
        assertEquals("[2,1]", lines.get(2).get("words").get(0).get("readings").toString());
    }

    @Test
    void plainOutputNamesTheSeasonTheCutAndTheRhymes() {
        Run run = count("harvest moon — / the farmer's long shadow / lies across the field");
        assertTrue(run.out().contains("season: autumn (harvest moon)"), run.out());
        assertTrue(run.out().contains("cut:    line 1: — (dash)"), run.out());
        assertTrue(run.out().contains("rhyme:  no rhyme"), run.out());

        Run clash = count("cherry blossoms / drifting onto the first snow / on a summer night");
        assertTrue(clash.out().contains("season: kigo clash: spring (cherry blossoms), winter (first snow), summer (summer night)"), clash.out());
        assertTrue(clash.out().contains("cut:    no cut marked"), clash.out());

        Run rhyme = count("on a summer night / a firefly's little light / drifts out of sight");
        assertTrue(rhyme.out().contains("lines 1 and 2 rhyme (night / light)"), rhyme.out());
    }

    @Test
    void jsonCarriesTheCraftChecks() throws Exception {
        Run run = count("--json", "cherry blossoms... / drifting onto the first snow / of the mountain path");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode craft = new ObjectMapper().readTree(run.out()).get("craft");
        assertTrue(craft.get("season").isNull());
        assertTrue(craft.get("kigoClash").asBoolean());
        assertEquals("[\"spring\",\"winter\"]", craft.get("seasons").toString());
        JsonNode blossoms = craft.get("seasonWords").get(0);
        assertEquals("cherry blossoms", blossoms.get("text").asText());
        assertEquals("cherry blossom", blossoms.get("entry").asText());
        assertEquals("plants", blossoms.get("topic").asText());
        assertTrue(craft.get("cut").asBoolean());
        assertEquals("ellipsis", craft.get("cuts").get(0).get("kind").asText());
        assertEquals(0, craft.get("cuts").get(0).get("line").asInt());
        assertFalse(craft.get("rhyme").asBoolean());
        assertEquals(0, craft.get("rhymes").size());
    }

    @Test
    void plainOutputShowsEachLinesCountTargetAndVerdict() {
        Run run = count("an old silent pond / a frog jumps into the pond / splash! silence again");
        assertTrue(run.out().contains("5/5          OK"), run.out());
        assertTrue(run.out().contains("fits haiku 5-7-5"), run.out());
    }

    @Test
    void formOptionTakesNamesAndPatterns() throws Exception {
        JsonNode tanka = new ObjectMapper().readTree(count("--json", "--form", "tanka", "cold morning").out());
        assertEquals("5-7-5-7-7", tanka.get("pattern").asText());
        assertEquals(4, tanka.get("missingLines").asInt());
        JsonNode custom = new ObjectMapper().readTree(count("--json", "--form", "3-5-3", "cold morning").out());
        assertEquals("OK", custom.get("lines").get(0).get("verdict").asText());
    }

    @Test
    void estimateOptionCountsDictionaryWordsWithTheEstimator() throws Exception {
        JsonNode poem = new ObjectMapper().readTree(count("--json", "--estimate", "haiku").out());
        assertEquals("ESTIMATE", poem.get("lines").get(0).get("words").get(0).get("source").asText());
    }

    @Test
    void anUnknownFormFailsWithExitCodeOne() {
        assertEquals(1, KigoCli.run(new String[] {"count", "--form", "sonnet", "old pond"}));
    }

    @Test
    void wordsTaughtInTheStudioCountHere() throws Exception {
        Path libraryFile = dataDir.resolve(Library.FILE_NAME);
        assertTrue(count("--json", "wisteria").exitCode() == 0);
        assertFalse(Files.exists(libraryFile), "counting never creates a library");
        try (Library library = Library.open(libraryFile)) {
            library.dictionary().put("wisteria", 3, null);
        }
        JsonNode word = new ObjectMapper().readTree(count("--json", "wisteria dusk").out())
                .get("lines").get(0).get("words").get(0);
        assertEquals(3, word.get("syllables").asInt());
        assertEquals("USER", word.get("source").asText());
    }

    @Test
    void bytesThatAreNotUtf8AreReportedNotDropped() throws Exception {
        byte[] latin1 = "old pond / café at dusk\nsplash".getBytes(StandardCharsets.ISO_8859_1);
        Run run = countStdin(latin1, "-");
        assertEquals(1, run.exitCode(), run.out());
        assertEquals("", run.out());
        assertEquals("kigo: The poem is not UTF-8 text: the byte at offset 14 (0xE9, line 1) is not UTF-8; "
                + "save it as UTF-8 and count it again.", run.err().strip());

        Run utf8 = countStdin("old pond / café at dusk".getBytes(StandardCharsets.UTF_8), "--json");
        assertEquals(0, utf8.exitCode(), utf8.err());
        assertEquals("café", new ObjectMapper().readTree(utf8.out()).get("lines").get(1).get("words").get(0)
                .get("text").asText());
    }

    @Test
    void aUserDictionaryThatIsNotUtf8OrMissingIsOneSentenceWithTheReason(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("mine.dict");
        Files.write(latin1, "koi 1\ncafé 2\n".getBytes(StandardCharsets.ISO_8859_1));
        Run run = count("--user-dictionary", latin1.toString(), "old pond");
        assertEquals(1, run.exitCode(), run.out());
        assertEquals("kigo: The user dictionary " + latin1 + " is not UTF-8 text: the byte at offset 9 (0xE9, line 2)"
                + " is not UTF-8; save it as UTF-8.", run.err().strip());

        Path missing = dir.resolve("nowhere.dict");
        Run none = count("--user-dictionary", missing.toString(), "old pond");
        assertEquals(1, none.exitCode());
        assertEquals("kigo: There is no user dictionary at " + missing + ".", none.err().strip());
    }
}
