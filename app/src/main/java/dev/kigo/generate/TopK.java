package dev.kigo.generate;

/** Keeps the k most likely tokens. */
public record TopK(int k) implements CandidateFilter {
    public TopK {
        if (k < 1) {
            throw new IllegalArgumentException("Top-k must be at least 1, not " + k + ".");
        }
    }

    @Override
    public void apply(TokenCandidates candidates) {
        candidates.keepTop(k);
    }
}
