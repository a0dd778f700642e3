package dev.kigo.generate;

import dev.kigo.model.TrainingLines;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleQualityTest {
    private static final Prosody PROSODY = Prosody.loadDefault();

    @Test
    void countsThreeLinesFormDistinctBigramsAndCopiedLines() {
        List<String> texts = List.of(
                "an old silent pond\na frog jumps into the pond\nsplash! silence again",
                "an old silent pond\nthe frog\n",
                "the the the");
        SampleQuality quality = SampleQuality.of(texts, PROSODY.checker(), Form.HAIKU,
                TrainingLines.of(Set.of("An old, silent pond."))::contains);
        assertEquals(3, quality.samples());
        assertEquals(1 / 3.0, quality.threeLineShare(), 1e-9);
        assertEquals(1 / 3.0, quality.formShare(), 1e-9);
        // 6 lines written, 2 of them are "an old silent pond".
        assertEquals(6, quality.generatedLines());
        assertEquals(2 / 6.0, quality.copiedLineShare(), 1e-9);
        // Lines of 4+ words: "an old silent pond" twice (both copied), "a frog jumps into the pond": 2 of 3.
        assertEquals(3, quality.longLines());
        assertEquals(2 / 3.0, quality.copiedLongLineShare(), 1e-9);
        // No piece is copied whole: the second has "the frog", which is not a training line.
        assertEquals(0, quality.copiedPieceShare(), 1e-9);
        SampleQuality whole = SampleQuality.of(List.of("an old silent pond"), PROSODY.checker(), Form.HAIKU,
                TrainingLines.of(Set.of("an old silent pond"))::contains);
        assertEquals(1.0, whole.copiedPieceShare(), 1e-9);
        // Bigrams: 12 in the first, 5 in the second, 2 in the third = 19; the second repeats "an old",
        // "old silent", "silent pond" and the third repeats "the the": 15 distinct.
        assertEquals(15 / 19.0, quality.distinct2(), 1e-9);
    }
}
