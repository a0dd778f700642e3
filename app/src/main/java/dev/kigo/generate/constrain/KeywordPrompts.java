package dev.kigo.generate.constrain;

import java.util.List;

/**
 * Varied keyword prompts (seasons, animals, weather, city, home, feelings) for measuring the constrained mode against
 * free generation: the benchmark and the proof test draw from the same list so their numbers speak of the same work.
 */
public final class KeywordPrompts {
    private KeywordPrompts() { }

    public static final List<String> KEYWORDS = List.of(
            "autumn moon", "dog rain", "old pond frog", "cherry blossoms", "winter wind", "summer night",
            "first snow", "mountain temple", "crow evening", "empty house", "river stones", "spring rain",
            "harvest moon", "lonely road", "city lights", "morning coffee", "falling leaves", "ocean waves",
            "garden spider", "cicada heat", "train station", "grandmother hands", "candle darkness", "fog bridge",
            "butterfly", "thunder storm", "quiet library", "fireflies", "frozen lake", "long war",
            "plum blossom", "kitten sleep", "desert stars", "lantern festival", "bamboo forest", "abandoned boat",
            "sunrise", "hospital window", "snowman", "wild geese", "paper cranes", "old friend",
            "willow", "midnight bell", "rice field", "stray cat", "smoke chimney", "child laughter",
            "heron", "late letter");

    /** The i-th prompt, cycling through the list. */
    public static String keywords(int i) {
        return KEYWORDS.get(Math.floorMod(i, KEYWORDS.size()));
    }
}
