package dev.kigo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.generate.CopyGuard;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.library.Comparison;
import dev.kigo.library.ComparisonColumn;
import dev.kigo.library.Library;
import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.TrainingLines;
import dev.kigo.ui.presets.BuiltInPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kigo compare` on the real fixture model, through the real command line. */
class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun compare(String... args) {
        List<String> all = new ArrayList<>(List.of("compare", "--model", Fixtures.bundle().toString()));
        all.addAll(List.of(args));
        return CliRun.kigo(all.toArray(String[]::new));
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private static List<JsonNode> columns(JsonNode comparison) {
        return StreamSupport.stream(comparison.get("columns").spliterator(), false).toList();
    }

    private static SamplingSettings settings(JsonNode column) throws Exception {
        return JSON.treeToValue(column.get("settings"), SamplingSettings.class);
    }

    private static List<Integer> tokenIds(JsonNode column) {
        return StreamSupport.stream(column.get("tokenIds").spliterator(), false).map(JsonNode::asInt).toList();
    }

    /** What the settings give for the keywords run alone, outside any batch, as `compare` guards them. */
    private static GenerationResult alone(String keywords, SamplingSettings settings) throws Exception {
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle())) {
            GenerationRequest request = GenerationRequest.haiku(keywords, settings);
            var learned = TrainingLines.load(model.info().bundle());
            if (learned.isPresent()) {
                request = CopyGuard.guard(request, learned.get());
            }
            return new Generator(model).generate(request);
        }
    }

    @Test
    void anOverrideAfterAPresetChangesThatColumnOnlyAndEachColumnIsWhatItsSettingsGiveAlone() throws Exception {
        JsonNode comparison = json(compare("--keywords", "autumn moon", "--preset", "Precise", "--preset", "Wild",
                "--temperature", "1.3", "--max-tokens", "24", "--json"));

        List<JsonNode> columns = columns(comparison);
        assertEquals(List.of("Precise", "Wild"), columns.stream().map(c -> c.get("label").asText()).toList());
        SamplingSettings wild = BuiltInPresets.WILD.settings().withTemperature(1.3).withMaxTokens(24);
        assertEquals(BuiltInPresets.PRECISE.settings(), settings(columns.get(0)));
        assertEquals(wild, settings(columns.get(1)));
        assertEquals(wild.summary(), columns.get(1).get("summary").asText());
        assertEquals(48, tokenIds(columns.get(0)).size(), "Precise keeps its own 48-token limit");
        assertEquals(alone("autumn moon", BuiltInPresets.PRECISE.settings()).tokenIds(), tokenIds(columns.get(0)));
        assertEquals(alone("autumn moon", wild).tokenIds(), tokenIds(columns.get(1)));
        for (JsonNode column : columns) {
            assertEquals("keywords-to-haiku", column.get("format").asText());
            assertTrue(column.get("meanLogProb").asDouble() < 0);
            assertTrue(column.get("tokensPerSecond").asDouble() > 0);
            List<Integer> haiku = List.of(5, 7, 5);
            int index = 0;
            for (JsonNode line : column.get("lines")) {
                if (index < haiku.size()) {
                    assertEquals(haiku.get(index), line.get("target").asInt(), "lines are judged as a haiku: " + line);
                }
                assertTrue(line.get("mark").asText().replace("≈", "").startsWith(line.get("syllables").asText()),
                        line.toString());
                index++;
            }
        }
    }

    @Test
    void columnsStandSideBySideWithinTheWidthWithEachLinesCountAndEachColumnsNumbers() {
        CliRun run = compare("--keywords", "autumn moon", "--preset", "Precise", "--column", "hot",
                "--temperature", "1.2", "--seed", "3", "--preset", "Balanced", "--max-tokens", "30", "--width", "90");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("autumn moon · keywords-to-haiku · "), lines.get(0));
        String labels = lines.get(2);
        assertTrue(labels.matches("Precise +│ hot +│ Balanced"), labels);
        int firstGap = SideBySide.width(labels.substring(0, labels.indexOf('│')));
        int secondGap = SideBySide.width(labels.substring(0, labels.lastIndexOf('│')));
        assertTrue(lines.stream().allMatch(line -> SideBySide.width(line) <= 90), run.out());
        assertTrue(lines.stream().filter(line -> line.contains("│")).allMatch(line ->
                SideBySide.width(line.substring(0, line.indexOf('│'))) == firstGap
                        && SideBySide.width(line.substring(0, line.lastIndexOf('│'))) == secondGap),
                "columns stay aligned:\n" + run.out());
        assertTrue(lines.stream().anyMatch(line -> line.contains("│ temperature 1.2")), run.out());
        assertTrue(run.out().contains("seed 3 "), run.out());
        assertEquals(1, lines.stream().filter(line -> line.split("log-prob -\\d+\\.\\d\\d per token", -1).length == 4)
                .count(), "the numbers under the poems stand on one row:\n" + run.out());
        assertEquals(2, lines.stream().filter(line -> line.matches("─+ │ ─+ │ ─+")).count(), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.matches(".*\\d+/[57] (✓|▲\\+\\d+|▼−\\d+).*")), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.matches(".*tokens, \\d+\\.\\d tokens/s.*")), run.out());
    }

    @Test
    void samplesAreOneSettingWithConsecutiveSeedsInABandThatWrapsToTheWidth() throws Exception {
        JsonNode comparison = json(compare("--keywords", "dog rain", "--samples", "5", "--seed", "7",
                "--temperature", "1.1", "--max-tokens", "12", "--json"));

        List<JsonNode> columns = columns(comparison);
        assertEquals(List.of("seed 7", "seed 8", "seed 9", "seed 10", "seed 11"),
                columns.stream().map(c -> c.get("label").asText()).toList());
        for (int i = 0; i < columns.size(); i++) {
            assertEquals(SamplingSettings.defaults().withTemperature(1.1).withMaxTokens(12).withSeed(7 + i),
                    settings(columns.get(i)));
        }
        assertEquals(5, columns.stream().map(CompareCommandTest::tokenIds).distinct().count(), "five seeds, five texts");

        CliRun grid = compare("--keywords", "dog rain", "--samples", "5", "--preset", "Wild", "--max-tokens", "12",
                "--width", "80");
        assertEquals(0, grid.exitCode(), grid.err());
        List<String> bands = grid.out().lines().filter(line -> line.startsWith("seed ")).toList();
        assertEquals(List.of(3, 2), bands.stream().map(line -> line.split("│").length).toList(),
                "80 characters hold three columns, the other two go below:\n" + grid.out());
    }

    @Test
    void saveStoresOneComparisonThatReadsBackAsPrinted(@TempDir Path dataDir) throws Exception {
        CliRun run = compare("--keywords", "autumn moon", "--preset", "Precise", "--preset", "Wild",
                "--form", "haiku", "--no-lookahead", "--max-tokens", "20", "--json", "--save",
                "--data-dir", dataDir.toString());
        JsonNode printed = json(run);

        assertTrue(run.err().contains("saved as comparison 1 in "), run.err());
        try (Library library = Library.open(dataDir.resolve(Library.FILE_NAME))) {
            Comparison saved = library.comparisons().find(1).orElseThrow();
            assertEquals("autumn moon", saved.prompt());
            assertEquals("keywords-to-haiku", saved.promptFormat());
            List<JsonNode> columns = columns(printed);
            assertEquals(2, saved.columns().size());
            for (int i = 0; i < 2; i++) {
                ComparisonColumn column = saved.columns().get(i);
                assertEquals(columns.get(i).get("label").asText(), column.label());
                assertEquals(tokenIds(columns.get(i)), column.generation().tokenIds());
                assertEquals(settings(columns.get(i)), column.generation().settings());
                assertEquals(columns.get(i).get("rawText").asText(), column.generation().rawText());
                assertEquals("tiny-gpt2-optimum", column.generation().modelName());
            }
            assertEquals(null, saved.columns().get(0).generation().keptForm());
            assertEquals("haiku", saved.columns().get(1).generation().keptForm(), "--form kept the Wild column only");
        }
    }

    @Test
    void continueGoesOnWithThePoemsLastStanzaInEveryColumn(@TempDir Path folder) throws Exception {
        Path poem = folder.resolve("poem.txt");
        Files.writeString(poem, "first stanza here\n\nan old silent pond\na frog jumps into the pond\n");

        JsonNode comparison = json(compare("--continue", poem.toString(), "--preset", "Precise", "--preset", "Wild",
                "--max-tokens", "16", "--json"));

        for (JsonNode column : columns(comparison)) {
            assertTrue(column.get("poem").asText().startsWith("an old silent pond\na frog jumps into the pond"),
                    column.get("poem").asText());
            assertTrue(column.get("prompt").asText().endsWith("= an old silent pond / a frog jumps into the pond /"),
                    column.get("prompt").asText());
            assertEquals("5/5 ✓", column.get("lines").get(0).get("mark").asText());
        }
    }

    @Test
    void badRequestsGetOneSentenceAndExitOne(@TempDir Path folder) {
        List<List<String>> bad = List.of(
                List.of("--keywords", "moon", "--preset", "Precise"),
                List.of("--keywords", "moon", "--preset", "Precise", "--preset", "Wild", "--preset", "Balanced",
                        "--column", "a", "--column", "b"),
                List.of("--keywords", "moon", "--preset", "Gentle", "--preset", "Wild"),
                List.of("--keywords", "moon", "--samples", "3"),
                List.of("--keywords", "moon", "--samples", "4", "--preset", "Wild", "--preset", "Precise"),
                List.of("--keywords", "moon", "--preset", "Wild", "--seed", "1", "--seed", "2"),
                List.of("--keywords", "moon", "--preset", "Wild", "--preset", "Precise", "--temperature", "-1"),
                List.of("--continue", folder.resolve("missing.txt").toString(), "--preset", "Wild", "--preset", "Precise"),
                List.of("--continue", folder.resolve("missing.txt").toString(), "--preset", "Wild", "--form", "haiku",
                        "--preset", "Precise"),
                List.of("--preset", "Wild", "--preset", "Precise"));
        for (List<String> args : bad) {
            CliRun run = compare(args.toArray(String[]::new));
            assertEquals(1, run.exitCode(), String.join(" ", args));
            assertEquals(1, run.err().strip().lines().count(), String.join(" ", args) + ": " + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
            assertEquals("", run.out());
        }
        assertTrue(compare("--keywords", "moon", "--preset", "Gentle", "--preset", "Wild").err()
                .contains("There is no preset \"Gentle\"; choose one of Precise, Balanced, Wild."));
    }

    @Test
    void helpSaysWhichColumnAnOptionChanges() {
        CliRun help = CliRun.kigo("compare", "--help");
        assertEquals(0, help.exitCode());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("the sampling options and --form that follow it, up to the next --preset or --column, "
                + "change that column only"), help.out());
        assertTrue(text.contains("kigo compare --keywords \"autumn moon\" --preset Precise --preset Wild --temperature 1.3"));
    }

    @Test
    void benchCompareGivesARowForOneToFourColumnsBatchedAndOneAfterAnother() {
        CliRun bench = CliRun.kigo("bench-compare", "--model", Fixtures.bundle().toString(), "--steps", "6",
                "--repeats", "1");

        assertEquals(0, bench.exitCode(), bench.err());
        List<String> rows = bench.out().lines().filter(line -> line.matches("\\| \\d \\| .*")).toList();
        assertEquals(4, rows.size(), bench.out());
        for (int i = 0; i < 4; i++) {
            assertTrue(rows.get(i).matches("\\| " + (i + 1) + " \\| \\d+(\\.\\d+)? \\| \\d+(\\.\\d+)? \\| \\d+\\.\\d\\d× \\|"),
                    rows.get(i));
        }
    }
}
