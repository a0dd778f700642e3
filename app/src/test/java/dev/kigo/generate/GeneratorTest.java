package dev.kigo.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kigo.model.DecoderState;
import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generation on the real tiny fixture model through ONNX Runtime. */
class GeneratorTest {
    private static LanguageModel model;
    private static Generator generator;
    private static final LogitsProcessor BAN_END_OF_TEXT = (logits, context) ->
            logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;

    @BeforeAll
    static void load() throws Exception {
        model = LanguageModel.load(Fixtures.bundle());
        generator = new Generator(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static SamplingSettings sampling(long seed, int maxTokens) {
        return new SamplingSettings(0.9, 40, 0.95, 0.02, 1.1, 0, 1, maxTokens, seed, List.of());
    }

    private static int[] ids(GenerationResult result) {
        return result.tokenIds().stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void greedyGenerationFollowsTorchsGreedyIds() {
        JsonNode reference = Fixtures.reference();
        int[] expected = Fixtures.ints(reference.get("greedyIds"));
        GenerationResult result = generator.generate(GenerationRequest.plain(reference.get("prompt").asText(),
                SamplingSettings.greedy(expected.length)));
        assertArrayEquals(expected, ids(result));
        assertEquals(FinishReason.MAX_TOKENS, result.finishReason());
        assertEquals(Fixtures.ints(reference.get("promptIds")).length, result.promptTokens());
    }

    @Test
    void cachedAndUncachedGreedyDecodingAgree() throws Exception {
        String prompt = "(rain dog =";
        int steps = 24;
        GenerationRequest request = GenerationRequest.plain(prompt, SamplingSettings.greedy(steps))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT));
        int[] cached = ids(generator.generate(request));

        // Uncached: every step runs the whole sequence from scratch through a fresh, empty cache.
        List<Integer> sequence = new ArrayList<>();
        for (int id : model.tokenizer().encode(prompt)) {
            sequence.add(id);
        }
        int[] uncached = new int[steps];
        for (int step = 0; step < steps; step++) {
            try (DecoderState state = model.newState(1)) {
                float[] logits = state.prefill(new int[][] {sequence.stream().mapToInt(Integer::intValue).toArray()})[0];
                logits[Fixtures.EOT] = Float.NEGATIVE_INFINITY;
                int best = 0;
                for (int i = 1; i < logits.length; i++) {
                    best = logits[i] > logits[best] ? i : best;
                }
                uncached[step] = best;
                sequence.add(best);
            }
        }
        assertArrayEquals(uncached, cached);
    }

    @Test
    void theSameSeedGivesTheSameTextAndAnotherSeedAnotherText() {
        GenerationRequest request = GenerationRequest.haiku("pond frog", sampling(7, 30))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT));
        GenerationResult first = generator.generate(request);
        GenerationResult again = generator.generate(request);
        GenerationResult other = generator.generate(request.withSettings(sampling(8, 30)));
        assertEquals(first.rawText(), again.rawText());
        assertEquals(first.tokenIds(), again.tokenIds());
        assertNotEquals(first.tokenIds(), other.tokenIds());
    }

    @Test
    void aBatchGivesEachRowWhatItWouldGetAlone() {
        List<GenerationRequest> requests = List.of(
                GenerationRequest.haiku("old pond frog", sampling(1, 12)),
                GenerationRequest.plain("<rain =", sampling(2, 12)),
                GenerationRequest.plain("x", SamplingSettings.greedy(12)),
                GenerationRequest.haiku("moon", sampling(4, 12)));
        List<GenerationResult> batch = generator.generateBatch(requests, GenerationListener.NONE, new CancellationToken());
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(generator.generate(requests.get(i)).tokenIds(), batch.get(i).tokenIds(), "row " + i);
        }
    }

    @Test
    void cancellingStopsWithinOneStep() throws Exception {
        List<TokenEvent> events = new ArrayList<>();
        GenerationRequest request = GenerationRequest.plain("(pond =", sampling(3, 200))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT));
        CancellationToken cancellation = new CancellationToken();
        GenerationResult result = generator.generate(request, (row, event) -> {
            events.add(event);
            if (event.index() == 4) {
                cancellation.cancel();
            }
        }, cancellation);
        assertEquals(FinishReason.CANCELLED, result.finishReason());
        assertEquals(5, result.generatedTokens());
        assertEquals(5, events.size());
    }

    @Test
    void aBackgroundJobCanBeCancelledFromAnotherThread() throws Exception {
        GenerationRequest request = GenerationRequest.plain("(pond =", sampling(3, 4000))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT));
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(3);
        GenerationJob job = generator.start(request, (row, event) -> started.countDown());
        assertTrue(started.await(30, TimeUnit.SECONDS));
        job.cancel();
        GenerationResult result = job.await();
        assertEquals(FinishReason.CANCELLED, result.finishReason());
        assertTrue(result.generatedTokens() < 120, "stopped early: " + result.generatedTokens());
    }

    @Test
    void charactersSplitAcrossTokensArriveWholeInOneDelta() {
        List<String> deltas = new ArrayList<>();
        GenerationRequest request = GenerationRequest.plain("x", SamplingSettings.greedy(20))
                .withProcessors(ForcedTokens.text("ō🌸a"));
        GenerationResult result = generator.generate(request, (row, event) -> deltas.add(event.textDelta()),
                new CancellationToken());
        assertEquals(List.of("", "ō", "", "", "", "🌸", "a"), deltas);
        assertEquals("ō🌸a", result.rawText());
        assertEquals(FinishReason.END_OF_TEXT, result.finishReason());
    }

    @Test
    void aStopStringEndsTheGenerationAndIsCutFromThePiece() {
        SamplingSettings settings = SamplingSettings.greedy(40).withStopStrings(List.of("o w"));
        GenerationResult result = generator.generate(GenerationRequest.plain("x", settings)
                .withProcessors(ForcedTokens.text("hello world and more")));
        assertEquals(FinishReason.STOP_STRING, result.finishReason());
        assertEquals("hello w", result.rawText());
        assertEquals("hell", result.text());
    }

    @Test
    void aStopStringThatBeginsInThePromptEndsTheGenerationToo() {
        SamplingSettings settings = SamplingSettings.greedy(40).withStopStrings(List.of("\n\n"));
        GenerationResult result = generator.generate(GenerationRequest.plain("old pond\n", settings)
                .withProcessors(ForcedTokens.text("\na frog")));
        assertEquals(FinishReason.STOP_STRING, result.finishReason());
        assertEquals("\n", result.rawText());
        assertEquals("", result.text(), "all it wrote finishes the stop string");
    }

    @Test
    void aStopStringWhollyInThePromptStopsNothing() {
        SamplingSettings settings = SamplingSettings.greedy(40).withStopStrings(List.of("\n\n", "pond"));
        GenerationResult result = generator.generate(GenerationRequest.plain("old pond\n\n", settings)
                .withProcessors(ForcedTokens.text("a frog")));
        assertEquals(FinishReason.END_OF_TEXT, result.finishReason());
        assertEquals("a frog", result.text());
    }

    @Test
    void aStopStringThatBeginsInThePromptEndsABeamToo() {
        SamplingSettings settings = SamplingSettings.greedy(40).withStopStrings(List.of("d\n\n")).withBeams(2);
        GenerationResult result = generator.generate(GenerationRequest.plain("old pond", settings)
                .withProcessors(ForcedTokens.text("\n\nand more")));
        assertEquals(FinishReason.STOP_STRING, result.finishReason());
        assertEquals("\n\n", result.rawText());
        assertEquals("", result.text());
    }

    @Test
    void theClosingBracketEndsAHaikuAndTheLinesAreExtracted() {
        GenerationResult result = generator.generate(GenerationRequest.haiku("dog rain", SamplingSettings.greedy(60))
                .withProcessors(ForcedTokens.text(" wet dog / shakes off / the rain) (more")));
        assertEquals(FinishReason.END_OF_FORMAT, result.finishReason());
        assertEquals("wet dog\nshakes off\nthe rain", result.text());
        assertEquals("<|endoftext|>(dog rain =", result.prompt());
    }

    @Test
    void generationStopsWhenTheContextIsFull() {
        String prompt = "a".repeat(Fixtures.CONTEXT - 8);
        GenerationResult result = generator.generate(GenerationRequest.plain(prompt, SamplingSettings.greedy(100))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT)));
        assertEquals(FinishReason.CONTEXT_FULL, result.finishReason());
        assertEquals(9, result.generatedTokens(), "the cache fills exactly; the last token is read from it, not fed");
    }

    @Test
    void aPromptOneShortOfTheContextStillGetsTwoTokens() {
        String prompt = "a".repeat(Fixtures.CONTEXT - 1);
        GenerationResult result = generator.generate(GenerationRequest.plain(prompt, SamplingSettings.greedy(100))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT)));
        assertEquals(Fixtures.CONTEXT - 1, result.promptTokens());
        assertEquals(FinishReason.CONTEXT_FULL, result.finishReason());
        assertEquals(2, result.generatedTokens(), "one fed to fill the cache, one read from the full cache");
    }

    @Test
    void beamSearchNeverPrefersAnEmptyTextThatEndedAtOnce() {
        // End-of-text is all but certain at the first step and banned after it: one beam ends empty, the other
        // writes to the token limit. Text, however unlikely, beats no text.
        LogitsProcessor endAtOnce = (logits, context) -> {
            if (context.generatedCount() == 0) {
                logits[context.endOfTextId()] += 50;
            } else {
                logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;
            }
        };
        GenerationResult result = generator.generate(GenerationRequest.plain("an old pond",
                SamplingSettings.greedy(6).withBeams(2)).withProcessors(() -> List.of(endAtOnce)));
        assertEquals(6, result.generatedTokens(), result.toString());
        assertEquals(FinishReason.MAX_TOKENS, result.finishReason());
    }

    @Test
    void beamSearchAlsoFillsTheContextExactly() {
        String prompt = "a".repeat(Fixtures.CONTEXT - 1);
        GenerationResult result = generator.generate(GenerationRequest.plain(prompt,
                SamplingSettings.greedy(100).withBeams(2)).withProcessors(() -> List.of(BAN_END_OF_TEXT)));
        assertEquals(FinishReason.CONTEXT_FULL, result.finishReason());
        assertEquals(2, result.generatedTokens());
    }

    @Test
    void aPromptOfTheWholeContextStillGetsOneToken() {
        // The cache may fill exactly (the prompt's last token is at the last position the model has), and the
        // token after it is read from the full cache without being fed.
        GenerationRequest request = GenerationRequest.plain("a".repeat(Fixtures.CONTEXT), SamplingSettings.greedy(5))
                .withProcessors(() -> List.of(BAN_END_OF_TEXT));
        for (GenerationRequest each : List.of(request, request.withSettings(request.settings().withBeams(2)))) {
            GenerationResult result = generator.generate(each);
            assertEquals(Fixtures.CONTEXT, result.promptTokens());
            assertEquals(FinishReason.CONTEXT_FULL, result.finishReason(), each.settings().toString());
            assertEquals(1, result.generatedTokens(), each.settings().toString());
        }
    }

    @Test
    void aPromptLongerThanTheContextIsRefusedWithASentence() {
        GenerationException e = assertThrows(GenerationException.class, () -> generator.generate(
                GenerationRequest.plain("a".repeat(Fixtures.CONTEXT + 1), SamplingSettings.greedy(5))));
        assertEquals("The prompt is 129 tokens but tiny-gpt2-optimum reads at most 128, so it does not fit.",
                e.getMessage());
    }

    @Test
    void eventsCarryProbabilitiesAndAlternativesBestFirst() {
        List<TokenEvent> events = new ArrayList<>();
        GenerationResult result = generator.generate(GenerationRequest.plain("(pond =", sampling(5, 6)),
                (row, event) -> events.add(event), new CancellationToken());
        assertEquals(result.generatedTokens(), events.size());
        for (TokenEvent event : events) {
            assertEquals(SamplerChain.ALTERNATIVES, event.alternatives().size());
            float previous = 1f;
            for (TokenEvent.Alternative alternative : event.alternatives()) {
                assertTrue(alternative.probability() <= previous);
                previous = alternative.probability();
            }
            assertTrue(event.probability() > 0 && event.probability() <= 1);
        }
        assertTrue(result.meanLogProb() < 0);
    }

    @Test
    void beamSearchIsDeterministicAndAtLeastAsLikelyAsGreedy() {
        SamplingSettings greedy = SamplingSettings.greedy(6);
        GenerationRequest request = GenerationRequest.plain("(pond frog =", greedy)
                .withProcessors(() -> List.of(BAN_END_OF_TEXT));
        GenerationResult greedyResult = generator.generate(request);
        GenerationRequest beams = request.withSettings(greedy.withBeams(4));
        GenerationResult beamResult = generator.generate(beams);
        assertEquals(beamResult.tokenIds(), generator.generate(beams.withSettings(beams.settings().withSeed(99)))
                .tokenIds());
        assertEquals(6, beamResult.generatedTokens());
        assertTrue(beamResult.meanLogProb() >= greedyResult.meanLogProb() - 1e-9,
                beamResult.meanLogProb() + " vs greedy " + greedyResult.meanLogProb());
        assertTrue(Arrays.stream(ids(beamResult)).allMatch(id -> id != Fixtures.EOT));
    }
}
