package dev.kigo.generate;

/**
 * Where a generation's time went, for the benchmark: the model's forward passes against the Java side (logits
 * processors, sampling, detokenising, events). Filled by a {@link Generator} made with it; not thread-safe.
 */
public final class StepTimings {
    long prefillNanos;
    long modelNanos;
    long javaNanos;
    int steps;

    public void reset() {
        prefillNanos = 0;
        modelNanos = 0;
        javaNanos = 0;
        steps = 0;
    }

    /** Time in prompt (prefill) passes. */
    public long prefillNanos() {
        return prefillNanos;
    }

    /** Time in single-token model steps. */
    public long modelNanos() {
        return modelNanos;
    }

    /** Time on the Java side of the steps: processors, sampling, detokenising, events. */
    public long javaNanos() {
        return javaNanos;
    }

    public int steps() {
        return steps;
    }

    /** The Java side's share of a decoding step, 0..1. */
    public double javaShare() {
        long total = modelNanos + javaNanos;
        return total == 0 ? 0 : (double) javaNanos / total;
    }
}
