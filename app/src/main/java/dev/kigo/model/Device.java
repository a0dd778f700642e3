package dev.kigo.model;

import java.util.Locale;

/** Where the model runs. CUDA is asked for, never assumed: without a GPU the session falls back to the CPU. */
public enum Device {
    CPU,
    CUDA;

    /** Parses "cpu" or "cuda" (any case); a readable message otherwise. */
    public static Device parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Device must be cpu or cuda, not \"" + text + "\".");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
