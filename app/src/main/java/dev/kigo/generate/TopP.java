package dev.kigo.generate;

/** Nucleus sampling: keeps the smallest set of most likely tokens whose probabilities add up to at least p. */
public record TopP(double p) implements CandidateFilter {
    public TopP {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("Top-p must be above 0 and at most 1, not " + p + ".");
        }
    }

    @Override
    public void apply(TokenCandidates candidates) {
        if (p >= 1) {
            return;
        }
        double total = candidates.totalProbability();
        int n = candidates.size();
        if (!candidates.isSorted() && n > 1) {
            // A token below (1-p)/(n-1) of the mass can never be in the nucleus (llama2.c's bound): drop those before
            // sorting, which leaves a few hundred of GPT-2's 50,257 to sort.
            candidates.keepAtLeast((float) ((1 - p) * total / (n - 1)));
        }
        candidates.sortDescending();
        // Float sums of float probabilities: "reaching p" allows for their rounding.
        double target = p * total - 1e-6;
        double cumulative = 0;
        for (int i = 0; i < candidates.size(); i++) {
            cumulative += candidates.probability(i);
            if (cumulative >= target) {
                candidates.truncate(i + 1);
                return;
            }
        }
    }
}
