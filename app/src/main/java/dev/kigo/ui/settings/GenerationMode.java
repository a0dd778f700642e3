package dev.kigo.ui.settings;

/** What the model is asked to do when the poet presses Generate. */
public enum GenerationMode {
    FROM_KEYWORDS("From keywords"),
    CONTINUE_TEXT("Continue my text");

    private final String label;

    GenerationMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
