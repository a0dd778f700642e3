package dev.kigo.ui.settings;

/** Which syllable pattern the editor checks lines against. */
public enum FormChoice {
    HAIKU("Haiku (5-7-5)"),
    TANKA("Tanka (5-7-5-7-7)"),
    CUSTOM("Custom pattern"),
    FREE("Free verse");

    private final String label;

    FormChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
