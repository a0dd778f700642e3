package dev.kigo.prosody;

import java.util.Locale;

/** The five seasons of a saijiki: New Year is a season of its own, as in the Japanese almanacs. */
public enum Season {
    SPRING("spring"), SUMMER("summer"), AUTUMN("autumn"), WINTER("winter"), NEW_YEAR("new year");

    private final String label;

    Season(String label) {
        this.label = label;
    }

    /** The name a poet reads and writes: "autumn", "new year". */
    public String label() {
        return label;
    }

    /** Reads "autumn", "Autumn", "fall", "new year", "new-year" or "NEW_YEAR". */
    public static Season parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (key.equals("fall")) {
            return AUTUMN;
        }
        for (Season season : values()) {
            if (season.label.equals(key)) {
                return season;
            }
        }
        throw new IllegalArgumentException("unknown season '" + text + "': use spring, summer, autumn, winter or new year");
    }
}
