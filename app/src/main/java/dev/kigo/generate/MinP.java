package dev.kigo.generate;

/** Drops tokens less likely than minP times the most likely one. */
public record MinP(double minP) implements CandidateFilter {
    public MinP {
        if (!(minP >= 0 && minP < 1)) {
            throw new IllegalArgumentException("Min-p must be at least 0 and below 1, not " + minP + ".");
        }
    }

    @Override
    public void apply(TokenCandidates candidates) {
        if (minP > 0) {
            candidates.keepAtLeast((float) (minP * candidates.maxProbability()));
        }
    }
}
