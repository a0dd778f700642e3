package dev.kigo.prosody;

/** The fewest and most syllables a word, prefix or line can have, inclusive. */
public record SyllableRange(int min, int max) {

    public SyllableRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad syllable range " + min + "-" + max);
        }
    }

    private static final SyllableRange[] SMALL = new SyllableRange[32];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new SyllableRange(i, i);
        }
    }

    public static SyllableRange exactly(int syllables) {
        return syllables >= 0 && syllables < SMALL.length ? SMALL[syllables] : new SyllableRange(syllables, syllables);
    }

    public boolean isExact() {
        return min == max;
    }

    public boolean contains(int syllables) {
        return syllables >= min && syllables <= max;
    }

    public SyllableRange plus(SyllableRange other) {
        return new SyllableRange(min + other.min, max + other.max);
    }

    public SyllableRange union(SyllableRange other) {
        return new SyllableRange(Math.min(min, other.min), Math.max(max, other.max));
    }

    /** "3" or "1-2", as the gutter shows it. */
    @Override
    public String toString() {
        return isExact() ? Integer.toString(min) : min + "-" + max;
    }
}
