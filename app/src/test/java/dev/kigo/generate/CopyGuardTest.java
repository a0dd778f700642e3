package dev.kigo.generate;

import dev.kigo.model.DefaultModel;
import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.TextTokenizer;
import dev.kigo.model.TrainingLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The originality guard on the fixture model's byte-level vocabulary. */
class CopyGuardTest {
    private static final TrainingLines LEARNED = TrainingLines.of(List.of("a frog jumps into the pond", "autumn wind"));
    private static LanguageModel model;

    @BeforeAll
    static void load() throws Exception {
        model = LanguageModel.load(Fixtures.bundle());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private float[] guardedLogits(String textSoFar, CopyGuard[] guard) {
        GenerationContext context = new GenerationContext(new int[] {Fixtures.EOT}, model.tokenizer(), Fixtures.EOT);
        context.appendText(textSoFar);
        float[] logits = new float[Fixtures.VOCAB];
        Arrays.fill(logits, 1f);
        List<LogitsProcessor> processors = CopyGuard.guard(GenerationRequest.haiku("frog", SamplingSettings.defaults()),
                LEARNED).processors().get();
        guard[0] = (CopyGuard) processors.get(processors.size() - 1);
        guard[0].process(logits, context);
        return logits;
    }

    @Test
    void aLearnedLineOfFourOrMoreWordsMayNotEndButGoesOn() {
        CopyGuard[] guard = new CopyGuard[1];
        float[] logits = guardedLogits(" old pond / A frog jumps into the pond", guard);
        assertEquals(Float.NEGATIVE_INFINITY, logits['/']);
        assertEquals(Float.NEGATIVE_INFINITY, logits[')']);
        assertEquals(Float.NEGATIVE_INFINITY, logits['\n']);
        assertEquals(Float.NEGATIVE_INFINITY, logits[Fixtures.EOT]);
        assertEquals(1f, logits['a'], "the line may go on with a word");
        assertEquals(Float.NEGATIVE_INFINITY, logits['!'], "nor trail off in punctuation");
        assertEquals(Float.NEGATIVE_INFINITY, logits['-']);
        assertEquals(1f, logits['s'], "or the word may");
        assertTrue(guard[0].note(null).contains("originality guard"));
    }

    @Test
    void aNearCopyAShortStockLineAndAClosedPieceAreLeftAlone() {
        CopyGuard[] guard = new CopyGuard[1];
        for (String text : List.of(" a frog leaps into the pond", " old pond / autumn wind",
                " a frog jumps into the pond)", " a frog jumps into")) {
            float[] logits = guardedLogits(text, guard);
            assertEquals(1f, logits['/'], text);
            assertEquals(1f, logits[Fixtures.EOT], text);
            assertEquals("", guard[0].note(null), text);
        }
    }

    @Test
    void onGpt2sVocabularyEveryTokenThatHoldsABreakEndsALineAndNoWordDoes() throws Exception {
        try (TextTokenizer gpt2 = TextTokenizer.open(DefaultModel.location().resolve(LanguageModel.TOKENIZER_FILE))) {
            for (String piece : List.of(" /", ")", "!)", ".)", "\n")) {
                int[] ids = gpt2.encode(piece);
                assertEquals(1, ids.length, piece + " is one token");
                assertTrue(CopyGuard.endsLine(gpt2.tokenText(ids[0]), false), piece);
            }
            for (String piece : List.of(" pond", "!", ".", " the", ",")) {
                assertFalse(CopyGuard.endsLine(gpt2.tokenText(gpt2.encode(piece)[0]), false), piece);
            }
            assertTrue(CopyGuard.endsLine("", true), "end of text");
        }
    }

    @Test
    void whereOnlyAnEndingIsLeftTheCopyStandsAndTheNoteSaysSo() {
        GenerationContext context = new GenerationContext(new int[] {Fixtures.EOT}, model.tokenizer(), Fixtures.EOT);
        context.appendText(" a frog jumps into the pond");
        float[] logits = new float[Fixtures.VOCAB];
        Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        logits['/'] = 0f;
        List<LogitsProcessor> processors = CopyGuard.guard(GenerationRequest.haiku("frog", SamplingSettings.defaults()),
                LEARNED).processors().get();
        LogitsProcessor guard = processors.get(processors.size() - 1);
        guard.process(logits, context);
        assertEquals(0f, logits['/']);
        assertFalse(guard.note(context).isEmpty());
    }
}
