package dev.kigo.generate.constrain;

import dev.kigo.model.DefaultModel;
import dev.kigo.model.LanguageModel;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The model the proof runs on: the shipped default (model-assets/kigo-haiku); until it is installed, the interim
 * export of the same architecture and tokenizer. Neither present is a failure, not a skip: the proof must run.
 */
final class ShippedModel {
    static final Path INTERIM = Path.of("/work/cache/kigo-haiku-interim");

    private ShippedModel() { }

    static Path locate() {
        Path shipped = DefaultModel.location();
        if (Files.isRegularFile(shipped.resolve(LanguageModel.MODEL_FILE))) {
            return shipped;
        }
        if (Files.isRegularFile(INTERIM.resolve(LanguageModel.MODEL_FILE))) {
            return INTERIM;
        }
        return fail("The constrained-decoding proof needs the shipped model at " + shipped + " (or, until it is "
                + "installed, the interim export at " + INTERIM + "); neither has a " + LanguageModel.MODEL_FILE + ".");
    }
}
