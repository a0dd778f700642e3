package dev.kigo.library;

import dev.kigo.generate.FinishReason;
import dev.kigo.generate.SamplingSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Pieces and generations whose every field differs from its default, so a field lost on the way shows. */
final class Fixtures {
    static final String MODEL_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Fixtures() { }

    static SamplingSettings settings(long seed) {
        return new SamplingSettings(0.73, 17, 0.91, 0.05, 1.23, 3, 2, 48, seed, List.of("\n\n", ")"));
    }

    static GenerationRecord generation(String keywords, long seed) {
        return new GenerationRecord("kigo-haiku-small", MODEL_HASH, "(" + keywords + " =", "keywords-to-haiku",
                settings(seed), "CPU", " old pond / a frog jumps in — / Bashō's splash )", List.of(464, 1468, 50256),
                FinishReason.END_OF_FORMAT, 7, 3, 12, 345, -2.718, "backed off once");
    }

    static PieceDraft draft(String title, String text, String... tags) {
        return new PieceDraft(new PieceContent(title, text, "haiku", "[{\"line\":1,\"syllables\":5}]", true),
                "frog pond", false, List.of(tags));
    }

    /** A clock the test moves by hand, so created/edited times and date filters are exact. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
