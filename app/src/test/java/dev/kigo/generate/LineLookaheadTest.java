package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How line-level lookahead scores candidate lines and chooses among them, on log-probabilities given by hand. */
class LineLookaheadTest {

    /** A candidate line: its tokens' log-probabilities and that of the break the model would write after it. */
    private static double score(double breakLogProb, double... tokenLogProbs) {
        return LineLookahead.score(DoubleStream.of(tokenLogProbs).sum(), breakLogProb);
    }

    @Test
    void aLineThatEndsMidPhraseScoresBelowOneThatEndsWhereTheModelWouldBreak() {
        // " my coffee now i'm /": likely words, but after "i'm" the model wants a verb, not a line break.
        double midPhrase = score(Math.log(0.002), -1.2, -2.0, -1.5, -1.1);
        // " my coffee grows cold /": a less likely word, and then the break the model expects.
        double endsWell = score(Math.log(0.6), -1.2, -2.0, -1.5, -3.0);
        assertTrue(endsWell > midPhrase, endsWell + " should beat " + midPhrase);
        assertEquals(1, LineLookahead.choose(new double[] {midPhrase, endsWell}, new boolean[] {true, true}, 0.0,
                new Random(1)), "greedy takes the line that ends well");
    }

    @Test
    void theBreakCountsAsMuchAsAnyTokenOfTheLine() {
        assertEquals(-4.5, score(-0.5, -1, -1, -2), 1e-12);
    }

    @Test
    void aTemperatureDrawsAmongTheCandidatesByTheirScores() {
        double[] scores = {-10, -10.5, -30};
        boolean[] ended = {true, true, true};
        Random random = new Random(7);
        int[] chosen = new int[3];
        for (int i = 0; i < 2000; i++) {
            chosen[LineLookahead.choose(scores, ended, 1.0, random)]++;
        }
        assertTrue(chosen[1] > 400, "the close second is drawn often: " + chosen[1]);
        assertTrue(chosen[0] > chosen[1], "the best most often");
        assertEquals(0, chosen[2], "a line e^-20 less likely practically never");
    }

    @Test
    void aLineFarBelowTheBestIsNeverDrawn() {
        // e^-2.5 of the best at temperature 1: an ordinary draw would take it about once in thirteen.
        double[] scores = {-10, -12.5};
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            assertEquals(0, LineLookahead.choose(scores, new boolean[] {true, true}, 1.0, random));
        }
        int second = 0;
        for (int i = 0; i < 500; i++) {
            second += LineLookahead.choose(scores, new boolean[] {true, true}, 1.5, random);
        }
        assertTrue(second > 50, "a hotter draw widens the window: " + second);
    }

    @Test
    void aLineThatReachedItsBreakBeatsOneCutShortAndADeadEndIsNeverChosen() {
        double[] scores = {-2, -9, Double.NEGATIVE_INFINITY};
        assertEquals(1, LineLookahead.choose(scores, new boolean[] {false, true, false}, 0.0, new Random(1)),
                "the token limit cut the first short: its score has no break in it");
        assertEquals(0, LineLookahead.choose(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new boolean[] {false, false}, 0.8, new Random(1)), "all dead ends: the first carries the note");
        for (int seed = 0; seed < 50; seed++) {
            assertTrue(LineLookahead.choose(scores, new boolean[] {false, false, false}, 2.0, new Random(seed)) < 2);
        }
    }
}
