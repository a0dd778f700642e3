package dev.kigo.generate;

import dev.kigo.model.DefaultModel;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Saijiki;
import dev.kigo.prosody.Season;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The season goal on the shipped model (model-assets/kigo-haiku): its GPT-2 tokenizer and its haiku. */
class SeasonGoalTest {

    /** Keywords without a season word of their own, so a season in the haiku comes from the model or the goal. */
    private static final List<String> PROMPTS = List.of("dog rain", "empty house", "river stones", "lonely road",
            "city lights", "morning coffee", "train station", "grandmother hands", "candle darkness", "quiet library",
            "old friend", "stray cat", "child laughter", "late letter", "mountain temple", "crow evening");

    private static LanguageModel model;
    private static TextTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        model = LanguageModel.load(DefaultModel.location());
        tokenizer = model.tokenizer();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int id(String token) {
        int[] ids = tokenizer.encode(token);
        assertEquals(1, ids.length, "'" + token + "' is one token");
        return ids[0];
    }

    private static boolean contains(int[] ids, int id) {
        return Arrays.stream(ids).anyMatch(i -> i == id);
    }

    @Test
    void theGoalRaisesWholeWordTokensOfItsSeasonAndLowersTheOtherSeasons() {
        SeasonGoal autumn = SeasonGoal.create(tokenizer, Saijiki.shipped(), Season.AUTUMN, 3);
        for (String word : List.of(" moon", " Moon", " autumn", " harvest")) {
            assertTrue(contains(autumn.tokenIds(), id(word)), word);
        }
        assertTrue(contains(autumn.otherSeasonIds(), id(" snow")));
        assertTrue(contains(autumn.otherSeasonIds(), id(" Spring")));
        assertTrue(!contains(autumn.tokenIds(), id(" the")) && !contains(autumn.otherSeasonIds(), id(" the")));
    }

    @Test
    void theBonusStopsOnceThePieceHoldsAWordOfTheSeasonButTheOtherSeasonsStayLowered() {
        SeasonGoal autumn = SeasonGoal.create(tokenizer, Saijiki.shipped(), Season.AUTUMN, 3);
        LogitsProcessor bias = autumn.newProcessor();
        GenerationContext context = new GenerationContext(tokenizer.encode("(dog rain ="), tokenizer, model.info().eotId());
        for (String token : List.of(" the", " old")) {
            context.append(id(token), token);
        }
        float[] logits = new float[tokenizer.vocabSize()];
        bias.process(logits, context);
        assertEquals(3f, logits[id(" moon")]);
        assertEquals(-3f, logits[id(" snow")]);
        assertEquals(0f, logits[id(" the")]);

        context.append(id(" moon"), " moon");
        logits = new float[tokenizer.vocabSize()];
        bias.process(logits, context);
        assertEquals(0f, logits[id(" moon")], "the piece has its autumn word");
        assertEquals(-3f, logits[id(" snow")], "a winter word would still be a clash");
    }

    @Test
    void aSeasonWordOfSeveralTokensIsBegunWithHalfTheBonusAndCompletedWithAllOfIt() {
        SeasonGoal autumn = SeasonGoal.create(tokenizer, Saijiki.shipped(), Season.AUTUMN, 3);
        int[] word = tokenizer.encode(" chrysanthemum");
        assertTrue(word.length >= 2, "several tokens");
        assertTrue(contains(autumn.startIds(), word[0]) && !contains(autumn.tokenIds(), word[0]));
        LogitsProcessor bias = autumn.newProcessor();
        GenerationContext context = new GenerationContext(tokenizer.encode("(dog rain ="), tokenizer, model.info().eotId());
        context.append(id(" the"), " the");
        float[] logits = new float[tokenizer.vocabSize()];
        bias.process(logits, context);
        assertEquals(1.5f, logits[word[0]], "begun with half the bonus");
        assertEquals(3f, logits[id(" moon")]);

        context.append(word[0], tokenizer.decode(new int[] {word[0]}));
        logits = new float[tokenizer.vocabSize()];
        bias.process(logits, context);
        assertEquals(3f, logits[word[1]], "completed with the whole bonus");
        assertEquals(3f, logits[id(" moon")], "one-token words keep their bonus");
    }

    @Test
    void onTheShippedModelTheGoalPutsASeasonWordInMostHaiku() throws Exception {
        SeasonGoal autumn = SeasonGoal.create(tokenizer, Saijiki.shipped(), Season.AUTUMN, SeasonGoal.DEFAULT_BONUS);
        Generator generator = new Generator(model);
        List<GenerationRequest> plain = new ArrayList<>();
        for (int i = 0; i < PROMPTS.size(); i++) {
            plain.add(GenerationRequest.haiku(PROMPTS.get(i), SamplingSettings.defaults().withSeed(1000 + i)));
        }
        int without = 0;
        for (GenerationResult result : generator.generateBatch(plain, GenerationListener.NONE, new CancellationToken())) {
            without += autumn.isMetBy(result.text()) ? 1 : 0;
        }
        int with = 0;
        List<String> texts = new ArrayList<>();
        for (GenerationResult result : generator.generateBatch(plain.stream().map(autumn::apply).toList(),
                GenerationListener.NONE, new CancellationToken())) {
            with += autumn.isMetBy(result.text()) ? 1 : 0;
            texts.add(result.text());
        }
        assertTrue(with >= PROMPTS.size() * 5 / 8 && with >= without + 6,
                "autumn words in " + with + " of " + PROMPTS.size() + " with the goal, " + without + " without: " + texts);
    }

    @Test
    void aBonusOutsideZeroToAHundredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SeasonGoal.create(tokenizer, Saijiki.shipped(), Season.WINTER, -1));
        assertThrows(IllegalArgumentException.class, () -> SeasonGoal.create(tokenizer, Saijiki.shipped(), Season.WINTER, Float.NaN));
    }
}
