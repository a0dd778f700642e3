package dev.kigo.generate.constrain;

import dev.kigo.model.Fixtures;
import dev.kigo.model.ModelLoadException;
import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Prosody;

import java.nio.file.Files;
import java.nio.file.Path;

/** One dictionary and one constraint per tokenizer for all constraint tests: building them once keeps tests fast. */
final class ConstraintFixtures {
    static final int GPT2_END_OF_TEXT = 50256;

    private ConstraintFixtures() { }

    private static final class Holder {
        static final Prosody PROSODY = Prosody.loadDefault();
        static final TextTokenizer GPT2 = open(gpt2TokenizerFile());
        static final TextTokenizer BYTES = open(Fixtures.bundle().resolve("tokenizer.json"));
        static final SyllableConstraint GPT2_CONSTRAINT = new SyllableConstraint(GPT2, GPT2_END_OF_TEXT, PROSODY);
        static final SyllableConstraint BYTES_CONSTRAINT = new SyllableConstraint(BYTES, Fixtures.EOT, PROSODY);
    }

    static Prosody prosody() {
        return Holder.PROSODY;
    }

    static TextTokenizer gpt2() {
        return Holder.GPT2;
    }

    static TextTokenizer bytes() {
        return Holder.BYTES;
    }

    static SyllableConstraint gpt2Constraint() {
        return Holder.GPT2_CONSTRAINT;
    }

    static SyllableConstraint bytesConstraint() {
        return Holder.BYTES_CONSTRAINT;
    }

    /** GPT-2's tokenizer: the one the shipped model carries (GPT-2's own, unchanged). */
    static Path gpt2TokenizerFile() {
        return ShippedModel.locate().resolve("tokenizer.json");
    }

    private static TextTokenizer open(Path file) {
        try {
            return TextTokenizer.open(file);
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
