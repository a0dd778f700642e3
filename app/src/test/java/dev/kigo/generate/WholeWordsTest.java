package dev.kigo.generate;

import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alternatives finished to whole words by the real fixture model. */
class WholeWordsTest {
    private static GenerationRequest continuing(String text) {
        return GenerationRequest.plain(text, SamplingSettings.defaults());
    }

    @Test
    void eachAlternativeIsShownFromTheStartOfItsWordToItsEndWithTheChanceOfTheWholeWord() throws Exception {
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle())) {
            checkWholeWords(new Generator(model));
        }
    }

    private static void checkWholeWords(Generator generator) {
        String before = "the moon over the c";
        List<TokenEvent> first = new ArrayList<>();
        generator.generateBatch(List.of(continuing(before).withSettings(SamplingSettings.greedy(1))),
                (row, event) -> first.add(event), new CancellationToken());
        List<TokenEvent.Alternative> alternatives = first.get(0).alternatives();
        assertTrue(alternatives.size() > 3, "the step weighed several tokens");

        List<WholeWords.WordAlternative> words = WholeWords.complete(generator, before, WholeWordsTest::continuing,
                alternatives, new CancellationToken());

        assertEquals(alternatives, words.stream().map(WholeWords.WordAlternative::alternative).toList(), "same order");
        int finishedByTheModel = 0;
        for (WholeWords.WordAlternative word : words) {
            String token = word.alternative().text();
            boolean inWord = !token.isEmpty() && WholeWords.isWordChar(token.codePointAt(0));
            assertEquals(inWord ? "c" : "", word.prefix(), token);
            assertTrue(word.completion().codePoints().allMatch(WholeWords::isWordChar), word.completion());
            assertTrue(word.probability() > 0 && word.probability() <= word.alternative().probability(), word.toString());
            if (!word.completion().isEmpty()) {
                finishedByTheModel++;
                // The model on its own, one request, most likely tokens: the same finish, then the word ends.
                String greedy = generator.generate(continuing(before + token)
                        .withSettings(new SamplingSettings(1.0, 1, 1.0, 0.0, 1.0, 0, 1, WholeWords.MAX_STEPS + 1, 0L, List.of())))
                        .rawText();
                assertTrue(greedy.startsWith(word.completion()), greedy + " / " + word.completion());
                String rest = greedy.substring(word.completion().length());
                if (word.finished()) {
                    assertTrue(rest.isEmpty() || !WholeWords.isWordChar(rest.codePointAt(0)), "ends at " + rest);
                    assertEquals(word.word(), word.prefix() + token + word.completion());
                } else {
                    assertTrue(word.word().endsWith("…"), word.word());
                }
            }
            if (!token.isEmpty() && !WholeWords.isWordChar(token.codePointBefore(token.length()))) {
                assertEquals("", word.completion(), "a token that ends its word needs no finishing");
                assertTrue(word.finished());
            }
        }
        assertTrue(finishedByTheModel > 0, "some fragment was finished by the model");
        WholeWords.WordAlternative any = words.get(0);
        assertEquals(any.alternative().text() + any.completion(), any.asInserted().text());
        assertEquals(any.alternative().tokenId(), any.asInserted().tokenId());
    }

    @Test
    void theStartOfAWordIsTheWordCharactersAtTheEndOfTheText() {
        assertEquals("c", WholeWords.trailingWord("the moon over the c"));
        assertEquals("one's", WholeWords.trailingWord("no one's"));
        assertEquals("", WholeWords.trailingWord("the pond "));
        assertEquals("", WholeWords.trailingWord("frog /"));
        assertFalse(WholeWords.isWordChar(' '));
    }
}
