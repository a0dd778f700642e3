package dev.kigo.generate;

/**
 * One beam's next-token scores at one step: the processors applied, the log-normalisers of the model's scores and
 * of the processed ones, and the best few tokens by softmax probability. Reused from beam to beam and step to step,
 * so a step allocates nothing vocabulary-sized.
 *
 * <p>One pass with exp over the vocabulary gives both normalisers and the softmax weights, where there were three
 * (the processed scores' exps are the softmax's, and a score no processor changed shares its exp with the model's
 * own). Every number is the one that two log-sum-exps and a softmax over fresh copies gave before, to the bit, so
 * beam search picks the same text.
 */
final class BeamExpansion {
    private float[] raw = new float[0];
    private float[] weights = new float[0];
    private final TokenCandidates top = new TokenCandidates();
    private double rawNormaliser;
    private double normaliser;

    /**
     * Cleans {@code logits}, keeps a copy of them, runs the chain's processors on them in place and keeps the
     * {@code count} most probable tokens (ties to the lower id). False when the processors ruled every token out.
     */
    boolean expand(float[] logits, GenerationContext context, SamplerChain chain, int count) {
        float rawMax = SamplerChain.requireUsableScores(logits, context);
        int n = logits.length;
        if (raw.length != n) {
            raw = new float[n];
            weights = new float[n];
        }
        System.arraycopy(logits, 0, raw, 0, n);
        chain.process(logits, context);
        float max = SamplerChain.cleanScores(logits);
        if (max == Float.NEGATIVE_INFINITY) {
            return false;
        }
        double rawSum = 0;
        double sum = 0;
        double weightSum = 0;
        boolean sameMax = max == rawMax;
        for (int i = 0; i < n; i++) {
            float r = raw[i];
            double rawExp = Math.exp(r - rawMax);
            rawSum += rawExp;
            float logit = logits[i];
            float weight = 0f;
            if (logit != Float.NEGATIVE_INFINITY) {
                double e = sameMax && logit == r ? rawExp : Math.exp(logit - max);
                sum += e;
                weight = (float) e;
            }
            weights[i] = weight;
            weightSum += weight;
        }
        rawNormaliser = rawMax + Math.log(rawSum);
        normaliser = max + Math.log(sum);
        top.fillTopScaled(weights, (float) (1.0 / weightSum), count);
        return true;
    }

    /** The best tokens of the last {@link #expand}, most probable first. */
    TokenCandidates top() {
        return top;
    }

    /** The model's own score for {@code id} before the processors. */
    float raw(int id) {
        return raw[id];
    }

    /** log(sum(exp(score))) over the model's own scores. */
    double rawNormaliser() {
        return rawNormaliser;
    }

    /** log(sum(exp(score))) over the processed scores. */
    double normaliser() {
        return normaliser;
    }
}
