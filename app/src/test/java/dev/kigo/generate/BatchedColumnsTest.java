package dev.kigo.generate;

import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison view's promise, proved on the real fixture model: columns that run as one batch through one
 * session each get exactly what the same seed and settings give run alone, whatever the other rows do.
 */
class BatchedColumnsTest {
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

    /** Four columns as a poet might set them: each row its own settings, seed, prompt length and length limit. */
    private static List<GenerationRequest> columns() {
        SamplingSettings precise = SamplingSettings.greedy(40);
        SamplingSettings balanced = new SamplingSettings(0.8, 40, 0.95, 0.0, 1.1, 0, 1, 40, 7, List.of());
        SamplingSettings wild = new SamplingSettings(1.3, 0, 0.9, 0.05, 1.3, 3, 1, 40, 8, List.of());
        SamplingSettings brief = new SamplingSettings(1.0, 20, 1.0, 0.0, 1.0, 0, 1, 6, 9, List.of());
        return List.of(
                GenerationRequest.haiku("autumn moon", precise).withProcessors(() -> List.of(BAN_END_OF_TEXT)),
                GenerationRequest.haiku("autumn moon over the old temple roof", balanced)
                        .withProcessors(() -> List.of(BAN_END_OF_TEXT)),
                GenerationRequest.plain("(autumn moon = a", wild).withProcessors(() -> List.of(BAN_END_OF_TEXT)),
                GenerationRequest.haiku("autumn moon", brief).withProcessors(() -> List.of(BAN_END_OF_TEXT)));
    }

    /** Each row's streamed token ids, in the order the listener saw them. */
    private static class Streams implements GenerationListener {
        final List<List<Integer>> ids;

        Streams(int rows) {
            ids = IntStream.range(0, rows).<List<Integer>>mapToObj(row -> new ArrayList<>()).toList();
        }

        @Override
        public void onToken(int row, TokenEvent event) {
            assertEquals(ids.get(row).size(), event.index(), "row " + row + " streams its tokens in order");
            ids.get(row).add(event.tokenId());
        }
    }

    private static void assertSameColumn(GenerationResult alone, GenerationResult batched, String row) {
        assertEquals(alone.tokenIds(), batched.tokenIds(), row);
        assertEquals(alone.rawText(), batched.rawText(), row);
        assertEquals(alone.text(), batched.text(), row);
        assertEquals(alone.finishReason(), batched.finishReason(), row);
        assertEquals(alone.promptTokens(), batched.promptTokens(), row);
        assertEquals(alone.meanLogProb(), batched.meanLogProb(), 1e-4, row);
    }

    @Test
    void greedyAndSampledColumnsWithTheirOwnSettingsGetExactlyWhatTheyGetAlone() {
        List<GenerationRequest> columns = columns();
        Streams streams = new Streams(columns.size());
        List<CancellationToken> rows = columns.stream().map(column -> new CancellationToken()).toList();

        List<GenerationResult> batched = generator.generateBatch(columns, streams, rows);

        for (int r = 0; r < columns.size(); r++) {
            GenerationResult alone = generator.generate(columns.get(r));
            assertSameColumn(alone, batched.get(r), "column " + r);
            assertEquals(alone.tokenIds(), streams.ids.get(r), "column " + r + " streamed what it returned");
        }
        // The brief column stops after 6 tokens while the others write on to 40: finishing early changes nobody.
        assertEquals(FinishReason.MAX_TOKENS, batched.get(3).finishReason());
        assertEquals(6, batched.get(3).generatedTokens());
        assertEquals(40, batched.get(0).generatedTokens());
        assertTrue(batched.get(1).tokenIds().size() > 6);
    }

    @Test
    void aColumnStoppedMidWayEndsThereAndTheOthersWriteOnUnchanged() {
        List<GenerationRequest> columns = columns();
        CancellationToken all = new CancellationToken();
        List<CancellationToken> rows = columns.stream().map(column -> all.child()).toList();
        int stopped = 1;
        Streams streams = new Streams(columns.size()) {
            @Override
            public void onToken(int row, TokenEvent event) {
                super.onToken(row, event);
                if (row == stopped && event.index() == 4) {
                    rows.get(stopped).cancel();
                }
            }
        };

        List<GenerationResult> batched = generator.generateBatch(columns, streams, rows);

        GenerationResult stoppedAlone = generator.generate(columns.get(stopped));
        assertEquals(FinishReason.CANCELLED, batched.get(stopped).finishReason());
        assertEquals(stoppedAlone.tokenIds().subList(0, 5), batched.get(stopped).tokenIds(),
                "the stopped column keeps the 5 tokens it had, the same as alone");
        assertEquals(5, streams.ids.get(stopped).size());
        for (int r = 0; r < columns.size(); r++) {
            if (r != stopped) {
                assertSameColumn(generator.generate(columns.get(r)), batched.get(r), "column " + r);
            }
        }
        assertTrue(!all.isCancelled(), "stopping one column does not stop the batch");
    }

    @Test
    void stoppingTheBatchStopsEveryColumnWithinOneStep() {
        List<GenerationRequest> columns = columns();
        CancellationToken all = new CancellationToken();
        List<CancellationToken> rows = columns.stream().map(column -> all.child()).toList();
        Streams streams = new Streams(columns.size()) {
            @Override
            public void onToken(int row, TokenEvent event) {
                super.onToken(row, event);
                if (row == 0 && event.index() == 2) {
                    all.cancel();
                }
            }
        };

        List<GenerationResult> batched = generator.generateBatch(columns, streams, rows);

        for (int r = 0; r < columns.size(); r++) {
            assertEquals(FinishReason.CANCELLED, batched.get(r).finishReason(), "column " + r);
            assertTrue(batched.get(r).generatedTokens() <= 4, "column " + r + ": " + batched.get(r).generatedTokens());
            assertEquals(generator.generate(columns.get(r)).tokenIds().subList(0, batched.get(r).generatedTokens()),
                    batched.get(r).tokenIds(), "column " + r + " up to where it stopped");
        }
    }

    @Test
    void aBeamSearchColumnRunsAloneBesideTheBatchOfTheOthersAndEachRowIsReportedInItsPlace() {
        SamplingSettings beams = SamplingSettings.greedy(20).withBeams(3);
        List<GenerationRequest> columns = new ArrayList<>(columns());
        columns.add(1, GenerationRequest.haiku("autumn moon", beams).withProcessors(() -> List.of(BAN_END_OF_TEXT)));
        List<GenerationResult> finished = new ArrayList<>(java.util.Collections.nCopies(columns.size(), null));
        Streams streams = new Streams(columns.size()) {
            @Override
            public void onFinished(int row, GenerationResult result) {
                finished.set(row, result);
            }
        };

        List<GenerationResult> batched = generator.generateBatch(columns, streams,
                columns.stream().map(column -> new CancellationToken()).toList());

        assertEquals(batched, finished, "each row finished under its own place");
        for (int r = 0; r < columns.size(); r++) {
            assertSameColumn(generator.generate(columns.get(r)), batched.get(r), "column " + r);
        }
    }
}
