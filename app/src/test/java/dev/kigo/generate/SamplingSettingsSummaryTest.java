package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SamplingSettingsSummaryTest {

    @Test
    void theSummaryNamesEveryKnobThatIsOnAndLeavesOutTheOnesThatAreOff() {
        assertEquals("temperature 0.5, top-k 20, top-p 0.9, min-p 0.05, repetition 1.15, no-repeat 3, 48 tokens, seed 42",
                SamplingSettings.defaults().withTemperature(0.5).withTopK(20).withTopP(0.9).withMinP(0.05)
                        .withRepetitionPenalty(1.15).withNoRepeatNgramSize(3).withMaxTokens(48).summary());
        assertEquals("temperature 1.25, top-p 0.98, 64 tokens, seed 7",
                new SamplingSettings(1.25, 0, 0.98, 0, 1, 0, 1, 64, 7, List.of()).summary());
    }

    @Test
    void greedyAndBeamSearchNeedNoSeedAndNoTruncation() {
        assertEquals("greedy, 40 tokens", SamplingSettings.greedy(40).summary());
        assertEquals("3 beams, repetition 1.1, 64 tokens", SamplingSettings.defaults().withBeams(3).summary());
    }
}
