package dev.kigo.generate;

/** Log-probabilities from raw logits, in double precision. */
public final class LogProbs {
    private LogProbs() { }

    /** log(sum(exp(logits))), stable for large logits; -infinity entries count as zero. */
    public static double logSumExp(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit - max);
        }
        return max + Math.log(sum);
    }

    /** The natural-log probability of token {@code id} under softmax(logits). */
    public static double logProb(float[] logits, int id) {
        return logits[id] - logSumExp(logits);
    }
}
