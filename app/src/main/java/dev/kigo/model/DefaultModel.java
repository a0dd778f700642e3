package dev.kigo.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped model lives: model-assets/kigo-haiku under the Kigo folder the launcher names. */
public final class DefaultModel {
    public static final String FOLDER = "kigo-haiku";

    private DefaultModel() { }

    /** The Kigo folder: system property kigo.home (set by ./kigo), else kigo.repo.root (tests), else the working dir. */
    public static Path home() {
        String home = System.getProperty("kigo.home", System.getProperty("kigo.repo.root", ""));
        return Path.of(home.isEmpty() ? "." : home).toAbsolutePath().normalize();
    }

    public static Path location() {
        return home().resolve("model-assets").resolve(FOLDER);
    }

    /** The given folder, or the default model when none is given; a sentence when there is no default. */
    public static Path resolve(Path explicit) throws ModelLoadException {
        if (explicit != null) {
            return explicit;
        }
        Path location = location();
        if (!Files.isRegularFile(location.resolve(LanguageModel.MODEL_FILE))) {
            throw new ModelLoadException("No default model is installed (there is no " + location.resolve(
                    LanguageModel.MODEL_FILE) + "); pass a model folder with --model DIR, for example --model "
                    + "app/src/test/resources/fixtures/tiny-gpt2/optimum.");
        }
        return location;
    }
}
