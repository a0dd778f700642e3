package dev.kigo.generate.constrain;

import dev.kigo.generate.FinishReason;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.LineRule;
import dev.kigo.generate.LogitsProcessor;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.StanzaContinuation;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.Verdict;
import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import dev.kigo.prosody.Form;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constrained mode through the real generator on the tiny fixture model (random weights, byte tokens). */
class ConstrainedGenerationTest {
    private static LanguageModel model;
    private static Generator generator;
    private static SyllableConstraint keepForm;

    @BeforeAll
    static void load() throws Exception {
        model = LanguageModel.load(Fixtures.bundle());
        generator = new Generator(model);
        keepForm = SyllableConstraint.create(model, ConstraintFixtures.prosody());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** A model that insists on one text: every other token is -infinity before the mask runs. */
    private static LogitsProcessor insistOn(String text) {
        int[] script = model.tokenizer().encode(text);
        return (logits, context) -> {
            int next = context.generatedCount() < script.length ? script[context.generatedCount()] : context.endOfTextId();
            float keep = logits[next];
            Arrays.fill(logits, Float.NEGATIVE_INFINITY);
            logits[next] = keep;
        };
    }

    private static GenerationRequest insisting(String text, SamplingSettings settings) {
        return GenerationRequest.haiku("dog rain", settings).withProcessors(() -> List.of(insistOn(text)));
    }

    @Test
    void aRandomModelKeptToTheFormWritesLinesThatScan() {
        for (int seed = 0; seed < 6; seed++) {
            GenerationRequest request = GenerationRequest.haiku("dog rain",
                    SamplingSettings.defaults().withSeed(seed).withMaxTokens(100));
            GenerationResult result = generator.generate(keepForm.constrain(request, Form.parse("1-2")));
            assertTrue(result.finishReason() == FinishReason.END_OF_FORMAT
                    || result.finishReason() == FinishReason.END_OF_TEXT, result.finishReason() + " " + result.rawText());
            assertEquals("", result.note(), result.rawText());
            assertTrue(ConstraintFixtures.prosody().check(result.text(), Form.parse("1-2")).fits(),
                    result.text() + " from raw " + result.rawText());
        }
    }

    @Test
    void lookingAheadEachLineIsChosenAmongCandidatesThatScanAndReachesTheListenerWhole() {
        for (int seed = 0; seed < 3; seed++) {
            GenerationRequest request = keepForm.constrain(GenerationRequest.haiku("dog rain",
                    SamplingSettings.defaults().withSeed(seed).withMaxTokens(100)), Form.parse("2-3"));
            assertTrue(request.looksAhead(), "kept to the form, lines are chosen among candidates by default");
            StringBuilder streamed = new StringBuilder();
            GenerationResult result = generator.generate(request, (row, token) -> streamed.append(token.textDelta()),
                    new dev.kigo.generate.CancellationToken());
            assertTrue(ConstraintFixtures.prosody().check(result.text(), Form.parse("2-3")).fits(),
                    result.text() + " from raw " + result.rawText());
            assertEquals(result.rawText(), streamed.toString(), "the chosen lines' tokens, and only those");
            assertEquals(result.rawText(), generator.generate(request).rawText(), "the same seed, the same piece");
        }
    }

    @Test
    void tokenByTokenIsStillThereForWhoeverTurnsLookaheadOff() {
        GenerationRequest request = GenerationRequest.haiku("dog rain",
                SamplingSettings.defaults().withSeed(3).withMaxTokens(100));
        GenerationRequest kept = keepForm.constrain(request, Form.parse("2-3")).withLineCandidates(1);
        assertTrue(!kept.looksAhead());
        GenerationResult result = generator.generate(kept);
        assertTrue(ConstraintFixtures.prosody().check(result.text(), Form.parse("2-3")).fits(), result.rawText());
    }

    @Test
    void aModelThatInsistsOnAShortLineIsLetEndItWithANote() {
        GenerationResult result = generator.generate(keepForm.constrain(
                insisting(" an old pond / a frog jumps in / splash)", SamplingSettings.defaults()), Form.HAIKU));
        assertEquals(FinishReason.END_OF_FORMAT, result.finishReason());
        assertEquals("an old pond\na frog jumps in\nsplash", result.text());
        assertTrue(result.note().contains("line 1 (3 of 5 syllables)") && result.note().contains("line 2 (4 of 7")
                && result.note().contains("line 3 (1 of 5"), result.note());
    }

    @Test
    void aModelThatInsistsOnAnImpossibleTokenEndsInADeadEndWithANote() {
        GenerationResult result = generator.generate(keepForm.constrain(
                insisting(" an old pond / / ", SamplingSettings.defaults()), Form.HAIKU));
        assertEquals(FinishReason.CONSTRAINT_DEAD_END, result.finishReason());
        assertTrue(result.note().contains("Every token was ruled out") && result.note().contains("On line 2"),
                result.note());
    }

    @Test
    void beamSearchBacksOffOnlyOnItsOwnPathAndStopsAtADeadEnd() {
        GenerationResult kept = generator.generate(keepForm.constrain(
                insisting(" an old pond / a frog jumps in / splash)", SamplingSettings.defaults().withBeams(2)),
                Form.HAIKU));
        assertEquals("an old pond\na frog jumps in\nsplash", kept.text());
        assertTrue(kept.note().contains("line 1 (3 of 5 syllables)"), kept.note());
        GenerationResult dead = generator.generate(keepForm.constrain(
                insisting(" an old pond / / ", SamplingSettings.defaults().withBeams(2)), Form.HAIKU));
        assertEquals(FinishReason.CONSTRAINT_DEAD_END, dead.finishReason());
        assertTrue(dead.note().contains("On line 2"), dead.note());
    }

    @Test
    void theRequestsOwnProcessorsStillRunBeforeTheMask() {
        int[] calls = {0};
        GenerationRequest request = GenerationRequest.haiku("dog rain", SamplingSettings.defaults().withMaxTokens(5))
                .withProcessors(() -> List.of((logits, context) -> calls[0]++));
        generator.generate(keepForm.constrain(request, Form.HAIKU).withLineCandidates(1));
        assertEquals(5, calls[0]);
        calls[0] = 0;
        generator.generate(keepForm.constrain(request, Form.HAIKU));
        assertEquals(5 * dev.kigo.generate.LineLookahead.CANDIDATES, calls[0], "on every candidate line");
    }

    @Test
    void thePoetsFirstLineIsKeptWordForWordAndTheRestOfTheStanzaScans() {
        StanzaContinuation stanza = StanzaContinuation.of("an old silent pond\n", "");
        for (int seed = 0; seed < 3; seed++) {
            GenerationRequest request = keepForm.constrain(stanza.request(
                    SamplingSettings.defaults().withSeed(seed).withMaxTokens(200)), Form.HAIKU);
            assertTrue(request.looksAhead());
            GenerationResult result = generator.generate(request);
            String poem = request.piece(result);
            assertTrue(poem.startsWith("an old silent pond\n"), poem);
            PoemCheck check = ConstraintFixtures.prosody().check(poem, Form.HAIKU);
            assertTrue(check.fits(), poem + " from raw " + result.rawText());
        }
    }

    @Test
    void aFirstLineThatDoesNotScanStandsAsWrittenAndKigosLinesStillDo() {
        // Six syllables: the poet's line is theirs; lines two and three still get their 7 and 5.
        StanzaContinuation stanza = StanzaContinuation.of("an old and silent pond\n", "");
        GenerationRequest request = keepForm.constrain(stanza.request(
                SamplingSettings.defaults().withSeed(4).withMaxTokens(200)), Form.HAIKU);
        String poem = request.piece(generator.generate(request));
        List<LineResult> lines = ConstraintFixtures.prosody().check(poem, Form.HAIKU).lines();
        assertEquals("an old and silent pond", lines.get(0).text(), poem);
        assertEquals(3, lines.size(), poem);
        assertEquals(Verdict.LONG, lines.get(0).verdict(), poem);
        assertEquals(Verdict.OK, lines.get(1).verdict(), poem);
        assertEquals(Verdict.OK, lines.get(2).verdict(), poem);
    }

    @Test
    void aWordThePoetChoseMidLineIsFollowedByTheRestOfTheLineToItsCount() {
        // As when the poet picks an alternative: "the crescent" is forced, the model finishes line two to 7 and goes on.
        StanzaContinuation chosen = new StanzaContinuation("pond", List.of("an old silent pond", "the crescent"), true);
        assertTrue(keepForm.leavesRoom(chosen.body(), Form.HAIKU));
        GenerationRequest request = keepForm.constrain(chosen.request(
                SamplingSettings.defaults().withSeed(2).withMaxTokens(200)), Form.HAIKU);
        GenerationResult result = generator.generate(request);
        String poem = request.piece(result);
        assertTrue(poem.startsWith("an old silent pond\nthe crescent"), poem);
        assertTrue(ConstraintFixtures.prosody().check(poem, Form.HAIKU).fits(), poem + " from raw " + result.rawText());
    }

    @Test
    void aChosenWordThatRunsPastTheLinesCountLeavesNoRoom() {
        assertFalse(keepForm.leavesRoom(" an old silent pond / the crescent moon over the sleepy", Form.HAIKU));
        assertFalse(keepForm.leavesRoom(" an old silent pond / a frog jumps into the pond / splash /", Form.HAIKU));
        assertTrue(keepForm.leavesRoom(" an old silent pond / the crescent moon over", Form.HAIKU));
        assertTrue(keepForm.leavesRoom(" dragonflies", Form.HAIKU), "the poet's words need not be the dictionary's");
    }

    @Test
    void avoidingRhymeChoosesCandidateLinesThatDoNotRhymeWithEarlierOnes() {
        // The fixture writes "Y" (why) at a line's start so often that after "why", lines ending on "Y" rhyme.
        StanzaContinuation stanza = StanzaContinuation.of("why\n", "");
        Form form = Form.parse("1-1-1-1-1");
        int rhymed = 0;
        int rhymedAvoiding = 0;
        int notes = 0;
        for (int seed = 0; seed < 8; seed++) {
            GenerationRequest request = keepForm.constrain(stanza.request(
                    SamplingSettings.defaults().withSeed(seed).withMaxTokens(200)), form);
            rhymed += rhymes(request.piece(generator.generate(request))) ? 1 : 0;
            GenerationRequest avoiding = request.withLineRule(LineRule.noRhyme(ConstraintFixtures.prosody()));
            GenerationResult result = generator.generate(avoiding);
            if (rhymes(avoiding.piece(result))) {
                rhymedAvoiding++;
                notes += result.note().contains("rhymed with an earlier line") ? 1 : 0;
            }
        }
        assertTrue(rhymed >= 6, rhymed + " of 8 rhyme without the rule");
        assertTrue(rhymedAvoiding <= 2, rhymedAvoiding + " of 8 rhyme with it");
        assertEquals(rhymedAvoiding, notes, "a rhyme that stands is one no candidate could avoid, and the note says so");
    }

    private static boolean rhymes(String poem) {
        return !ConstraintFixtures.prosody().check(poem, Form.FREE).craft().rhymes().isEmpty();
    }
}
