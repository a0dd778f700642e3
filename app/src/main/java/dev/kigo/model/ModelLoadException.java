package dev.kigo.model;

/**
 * A model bundle that cannot be used. The message is one sentence naming the file and the problem, fit to show a
 * poet as it is; the app stays usable after it (nothing half-open is left behind).
 */
public final class ModelLoadException extends Exception {
    public ModelLoadException(String sentence) {
        super(sentence);
    }

    public ModelLoadException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
