package dev.kigo.prosody;

import java.util.Locale;

/** The traditional groups a saijiki files its season words under. */
public enum SeasonTopic {
    /** The time itself: "long night", "early spring", month names. */
    SEASON,
    /** Sky and heavens: moon, wind, rain, snow falling. */
    SKY,
    /** Earth: fields, rivers, ice, the sea. */
    EARTH,
    /** Human affairs: work, clothes, food, pastimes. */
    HUMANITY,
    /** Festivals and holidays. */
    OBSERVANCES,
    ANIMALS,
    PLANTS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SeasonTopic parse(String text) {
        for (SeasonTopic topic : values()) {
            if (topic.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return topic;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + text + "'");
    }
}
