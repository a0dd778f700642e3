package dev.kigo.generate;

/** One truncation step of the sampler chain (top-k, top-p, min-p): removes unlikely candidates. */
@FunctionalInterface
public interface CandidateFilter {
    void apply(TokenCandidates candidates);
}
