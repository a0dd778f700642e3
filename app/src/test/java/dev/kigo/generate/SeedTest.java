package dev.kigo.generate;

import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every bit of a seed counts, and the seeds pieces were saved with still give their text. */
class SeedTest {
    private static final long TWO_TO_48 = 1L << 48;
    private static final LogitsProcessor BAN_END_OF_TEXT = (logits, context) ->
            logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;
    private static LanguageModel model;

    @BeforeAll
    static void load() throws Exception {
        model = LanguageModel.load(Fixtures.bundle());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static String text(long seed) {
        SamplingSettings settings = new SamplingSettings(1.0, 0, 1.0, 0, 1.0, 0, 1, 24, seed, List.of());
        return new Generator(model).generate(GenerationRequest.plain("(old pond =", settings)
                .withProcessors(() -> List.of(BAN_END_OF_TEXT))).text();
    }

    @Test
    void seedsThatDifferOnlyAbove48BitsGiveDifferentText() {
        assertNotEquals(text(7), text(7 + TWO_TO_48));
        assertNotEquals(text(7), text(7 + 5 * TWO_TO_48));
        assertNotEquals(text(7 + TWO_TO_48), text(7 + 2 * TWO_TO_48));
        // java.util.Random reads -1 as 2^48 - 1.
        assertNotEquals(text(TWO_TO_48 - 1), text(-1));
        assertNotEquals(text(Long.MIN_VALUE), text(0));
    }

    @Test
    void theSameLargeOrNegativeSeedGivesTheSameText() {
        assertEquals(text(-42), text(-42));
        assertEquals(text(Long.MAX_VALUE), text(Long.MAX_VALUE));
    }

    @Test
    void seedsBelow2To48DrawExactlyAsBeforeSoSavedPiecesRegenerate() {
        float[] logits = new float[64];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.sin(i) * 2;
        }
        for (long seed : new long[] {0, 1, 7, 999_999_999L, TWO_TO_48 - 1}) {
            SamplerChain before = new SamplerChain(List.of(), List.of(), 1.0, new Random(seed));
            SamplerChain now = SamplerChain.from(new SamplingSettings(1.0, 0, 1.0, 0, 1.0, 0, 1, 24, seed, List.of()),
                    List.of());
            for (int step = 0; step < 200; step++) {
                GenerationContext context = new GenerationContext(new int[] {0}, null, 63);
                assertEquals(before.choose(logits.clone(), context).tokenId(), now.choose(logits.clone(), context).tokenId(),
                        "seed " + seed + ", step " + step);
            }
        }
    }

    @Test
    void distinctLargeSeedsDrawDistinctStreams() {
        Set<Long> firstDraws = new HashSet<>();
        for (long k = 1; k <= 1000; k++) {
            firstDraws.add(SamplerChain.random(3 + k * TWO_TO_48).nextLong());
        }
        assertEquals(1000, firstDraws.size());
    }
}
