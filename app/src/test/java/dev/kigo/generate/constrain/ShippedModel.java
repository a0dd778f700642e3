package dev.kigo.generate.constrain;

import dev.kigo.model.DefaultModel;
import dev.kigo.model.LanguageModel;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/** The model the proof runs on: the shipped default (model-assets/kigo-haiku). Its absence is a failure, not a skip. */
final class ShippedModel {
    private ShippedModel() { }

    static Path locate() {
        Path shipped = DefaultModel.location();
        if (Files.isRegularFile(shipped.resolve(LanguageModel.MODEL_FILE))) {
            return shipped;
        }
        return fail("The constrained-decoding proof needs the shipped model at " + shipped + "; it has no "
                + LanguageModel.MODEL_FILE + ".");
    }
}
