package dev.kigo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.model.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kigo.cli.CliRun.kigo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's commands, run through the real command line on the fixture model. */
class EngineCommandsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static String model() {
        return Fixtures.bundle().toString();
    }

    @Test
    void generateWithAMisspeltSeasonSaysWhichSeasonsThereAreWithoutAStackTrace() {
        CliRun run = kigo("generate", "--model", model(), "--keywords", "dog rain", "--season", "monsoon");
        assertTrue(run.exitCode() != 0);
        assertTrue(run.err().contains("unknown season 'monsoon': use spring, summer, autumn, winter or new year"), run.err());
        assertTrue(!run.err().contains("\tat "), run.err());
    }

    @Test
    void generateTakesASeasonGoalAndEvaluateReportsSeasonShares() throws Exception {
        CliRun run = kigo("generate", "--model", model(), "--keywords", "dog rain", "--season", "fall", "--seed", "7");
        assertEquals(0, run.exitCode(), run.err());
        java.nio.file.Path prompts = java.nio.file.Files.createTempFile(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), "prompts", ".txt");
        java.nio.file.Files.writeString(prompts, "dog rain\nempty house\n");
        CliRun evaluate = kigo("evaluate", "--model", model(), "--prompts", prompts.toString(), "--season", "new year", "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode report = mapper.readTree(evaluate.out());
        assertEquals("new year", report.get("seasonGoal").asText());
        assertTrue(report.get("seasonShares").has("autumn"), evaluate.out());
        assertTrue(report.has("kigoClashShare"), evaluate.out());
    }

    @Test
    void generateJsonPrintsOneObjectPerPieceWithConsecutiveSeeds() throws Exception {
        CliRun run = kigo("generate", "--model", model(), "--keywords", "dog rain", "--n", "3", "--seed", "7",
                "--max-tokens", "10", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++) {
            JsonNode result = mapper.readTree(lines.get(i));
            assertEquals(i, result.get("index").asInt());
            assertEquals(7 + i, result.get("settings").get("seed").asLong());
            assertEquals("<|endoftext|>(dog rain =", result.get("prompt").asText());
            assertEquals("keywords-to-haiku", result.get("format").asText());
            assertTrue(result.get("generatedTokens").asInt() <= 10);
        }
        CliRun again = kigo("generate", "--model", model(), "--keywords", "dog rain", "--n", "3", "--seed", "7",
                "--max-tokens", "10", "--json");
        String timings = "\"(promptMillis|generationMillis|tokensPerSecond)\":[0-9.]+,";
        assertEquals(run.out().replaceAll(timings, ""), again.out().replaceAll(timings, ""));
    }

    @Test
    void generateWithAPromptStreamsThePromptAndItsContinuation() {
        CliRun run = kigo("generate", "--model", model(), "--prompt", "(old pond =", "--temperature", "0",
                "--max-tokens", "8");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("(old pond ="));
        assertTrue(run.err().contains("8 tokens, finished by max tokens"), run.err());
    }

    @Test
    void badSettingsAreOneSentenceAndExitCodeOne() {
        CliRun run = kigo("generate", "--model", model(), "--keywords", "dog", "--top-p", "0");
        assertEquals(1, run.exitCode());
        assertEquals("kigo: Top-p must be above 0 and at most 1 (1 = off), not 0.0.", run.err().strip());
    }

    @Test
    void withoutADefaultModelTheUserIsToldHowToPassOne(@TempDir Path home) {
        String previous = System.getProperty("kigo.home");
        System.setProperty("kigo.home", home.toString());
        try {
            CliRun run = kigo("info");
            assertEquals(1, run.exitCode());
            assertTrue(run.err().startsWith("kigo: No default model is installed (there is no "), run.err());
            assertTrue(run.err().contains("pass a model folder with --model DIR"));
        } finally {
            if (previous == null) {
                System.clearProperty("kigo.home");
            } else {
                System.setProperty("kigo.home", previous);
            }
        }
    }

    @Test
    void infoReportsLayoutSizesAndTheCudaFallback() throws Exception {
        CliRun run = kigo("info", "--model", Fixtures.bundle("optimum-merged").toString(), "--device", "cuda", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode info = mapper.readTree(run.out());
        assertEquals("optimum-merged", info.get("layout").asText());
        assertEquals(257, info.get("vocabSize").asInt());
        assertEquals("cpu", info.get("device").asText());
        assertTrue(run.err().contains("CUDA is not available here"));
    }

    @Test
    void scoreGivesEachLineItsMeanLogProbabilityAndPerplexity(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "old pond\n\na frog jumps in\n");
        CliRun run = kigo("score", "--model", model(), "--json", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), "the blank line is skipped");
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals(1, first.get("line").asInt());
        assertEquals(8, first.get("tokens").asInt(), "8 bytes, each predicted after end-of-text and the ones before");
        double meanLogProb = first.get("meanLogProb").asDouble();
        assertTrue(meanLogProb < 0);
        assertEquals(Math.exp(-meanLogProb), first.get("perplexity").asDouble(), 1e-9);
        assertEquals(3, mapper.readTree(lines.get(1)).get("line").asInt());
    }

    @Test
    void scoreNamesAMissingFile(@TempDir Path dir) {
        CliRun run = kigo("score", "--model", model(), dir.resolve("absent.txt").toString());
        assertEquals(1, run.exitCode());
        assertEquals("kigo: There is no file " + dir.resolve("absent.txt") + " to score.", run.err().strip());
    }

    @Test
    void benchPrintsItsTableAndSaysWhichContextsItSkipped() {
        CliRun run = kigo("bench", "--model", model(), "--steps", "4", "--repeats", "1", "--soak-tokens", "40");
        assertEquals(0, run.exitCode(), run.err());
        for (String measure : List.of("| load |", "| first token", "| ms per token at context 16 |",
                "| tokens/s at batch 1 |", "| tokens/s at batch 4 |", "| ms per step at batch 1 (1 token) |",
                "| ms per step at batch 4 (4 tokens) |", "| Java side of a step", "| RSS before / after",
                "| peak RSS |")) {
            assertTrue(run.out().contains(measure), measure + " in\n" + run.out());
        }
        assertTrue(run.out().contains("Context 512 skipped"));
        assertFalse(run.out().contains("Context 16 skipped"));
    }

    @Test
    void benchConstrainedComparesFreeTokenByTokenAndLookaheadOnTheSamePrompts() {
        CliRun run = kigo("bench-constrained", "--model", model(), "--prompts", "2", "--form", "1-2", "--show", "1");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("| measure | free | kept, token by token | kept, line lookahead (8 candidates) |"), out);
        assertTrue(out.contains("| fit 1-2 (poem checker) | "), out);
        assertTrue(out.contains("| mean log-probability of a line break"), out);
        assertTrue(out.contains("| lines ending on an article, preposition, conjunction or auxiliary |"), out);
        assertTrue(out.contains("| words outside the dictionaries"), out);
        assertTrue(out.contains("| time per haiku, median (mean), ms |"), out);
        String fit = out.lines().filter(line -> line.startsWith("| fit 1-2")).findFirst().orElseThrow();
        assertTrue(fit.endsWith("| 100.0% (2 of 2) | 100.0% (2 of 2) |"), "both kept kinds fit: " + fit);
        String outside = out.lines().filter(line -> line.startsWith("| words outside")).findFirst().orElseThrow();
        assertTrue(outside.matches(".*\\| 0\\.0% \\(0 of \\d+\\) \\| 0\\.0% \\(0 of \\d+\\) \\|$"),
                "kept pieces are all real words: " + outside);
        assertTrue(out.contains("kept, line lookahead (8 candidates):\n  "), out);
    }

    @Test
    void generateWithAFormWritesLinesThatScanAndRefusesAnUnknownForm() throws Exception {
        CliRun run = kigo("generate", "--model", model(), "--keywords", "dog rain", "--form", "1-2", "--n", "2",
                "--max-tokens", "100", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        for (String line : lines) {
            JsonNode json = mapper.readTree(line);
            String text = json.get("text").asText();
            assertTrue(dev.kigo.prosody.Prosody.loadDefault().check(text, dev.kigo.prosody.Form.parse("1-2")).fits(),
                    text);
        }
        CliRun bad = kigo("generate", "--model", model(), "--keywords", "dog rain", "--form", "sonnet");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("unknown form 'sonnet'"), bad.err());
        CliRun coined = kigo("generate", "--model", model(), "--keywords", "dog rain", "--form", "1-2",
                "--allow-coinages", "--max-tokens", "100");
        assertEquals(0, coined.exitCode(), coined.err());
        CliRun free = kigo("generate", "--model", model(), "--keywords", "dog rain", "--allow-coinages");
        assertEquals(1, free.exitCode());
        assertTrue(free.err().contains("--allow-coinages goes with --form"), free.err());
        CliRun tokenByToken = kigo("generate", "--model", model(), "--keywords", "dog rain", "--form", "1-2",
                "--no-lookahead", "--max-tokens", "100", "--json");
        assertEquals(0, tokenByToken.exitCode(), tokenByToken.err());
        CliRun freeAhead = kigo("generate", "--model", model(), "--keywords", "dog rain", "--no-lookahead");
        assertEquals(1, freeAhead.exitCode());
        assertTrue(freeAhead.err().contains("--no-lookahead goes with --form"), freeAhead.err());
    }

    @Test
    void generateFromThePoetsFirstLineKeepsItAndWritesTheRestToTheForm() throws Exception {
        CliRun run = kigo("generate", "--model", model(), "--first-line", "an old silent pond", "--form", "5-7-5",
                "--seed", "3", "--max-tokens", "200", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = mapper.readTree(run.out());
        String poem = json.get("text").asText();
        assertTrue(poem.startsWith("an old silent pond\n"), poem);
        dev.kigo.prosody.PoemCheck check = dev.kigo.prosody.Prosody.loadDefault().check(poem, dev.kigo.prosody.Form.HAIKU);
        assertTrue(check.fits(), poem);
        assertTrue(json.get("prompt").asText().endsWith("= an old silent pond /"), json.get("prompt").asText());

        CliRun two = kigo("generate", "--model", model(), "--first-lines", "an old silent pond / a frog jumps into the pond",
                "--form", "haiku", "--seed", "3", "--max-tokens", "200");
        assertEquals(0, two.exitCode(), two.err());
        List<String> lines = two.out().strip().lines().toList();
        assertEquals(List.of("an old silent pond", "a frog jumps into the pond"), lines.subList(0, 2), two.out());
        assertTrue(dev.kigo.prosody.Prosody.loadDefault().check(two.out(), dev.kigo.prosody.Form.HAIKU).fits(), two.out());

        CliRun full = kigo("generate", "--model", model(), "--first-lines", "one / two / three", "--form", "haiku");
        assertEquals(1, full.exitCode());
        assertEquals("kigo: The form haiku has 3 lines and the stanza already has 3, so there is no line left to write.",
                full.err().strip());
    }

    @Test
    void avoidRhymeGoesWithAFormAndLookahead() {
        CliRun free = kigo("generate", "--model", model(), "--keywords", "dog rain", "--avoid-rhyme");
        assertEquals(1, free.exitCode());
        assertEquals("kigo: --avoid-rhyme goes with --form and line lookahead: it chooses among candidate lines that fit.",
                free.err().strip());
        CliRun kept = kigo("generate", "--model", model(), "--first-line", "why", "--form", "1-1-1", "--avoid-rhyme",
                "--seed", "2", "--max-tokens", "120");
        assertEquals(0, kept.exitCode(), kept.err());
        assertTrue(kept.out().startsWith("why\n"), kept.out());
    }
}
