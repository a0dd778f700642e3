package dev.kigo.generate;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The tokens still in the running at one step, with their probabilities. Filters ({@link TopK}, {@link TopP},
 * {@link MinP}) shrink it; {@link #sample} picks from what is left in proportion to the (renormalised)
 * probabilities. Reused from step to step so a step allocates nothing vocabulary-sized.
 */
public final class TokenCandidates {
    private int[] ids = new int[0];
    private float[] probs = new float[0];
    private long[] keys = new long[0];
    private int size;
    private boolean sorted;

    /** Fills with softmax(logits / temperature) over the whole vocabulary; -infinity logits get probability 0. */
    public void fillSoftmax(float[] logits, double temperature) {
        int n = logits.length;
        if (ids.length < n) {
            ids = new int[n];
            probs = new float[n];
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double inverse = 1.0 / temperature;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float p = logits[i] == Float.NEGATIVE_INFINITY ? 0f : (float) Math.exp((logits[i] - max) * inverse);
            ids[i] = i;
            probs[i] = p;
            sum += p;
        }
        float scale = (float) (1.0 / sum);
        for (int i = 0; i < n; i++) {
            probs[i] *= scale;
        }
        size = n;
        sorted = false;
    }

    /** Sets the candidates directly (tests, hand-made distributions). */
    public void set(int[] tokenIds, float[] probabilities) {
        ids = tokenIds.clone();
        probs = probabilities.clone();
        size = ids.length;
        sorted = false;
    }

    /** Becomes a copy of {@code other}, reusing this object's buffers. */
    public void copyFrom(TokenCandidates other) {
        if (ids.length < other.size) {
            ids = new int[other.size];
            probs = new float[other.size];
        }
        System.arraycopy(other.ids, 0, ids, 0, other.size);
        System.arraycopy(other.probs, 0, probs, 0, other.size);
        size = other.size;
        sorted = other.sorted;
    }

    public int size() {
        return size;
    }

    public int id(int i) {
        return ids[i];
    }

    public float probability(int i) {
        return probs[i];
    }

    /** The ids left, in their current order. */
    public int[] ids() {
        return Arrays.copyOf(ids, size);
    }

    /** Keeps the {@code k} most likely (ties go to the lower id), sorted best first. */
    public void keepTop(int k) {
        if (k >= size) {
            sortDescending();
            return;
        }
        long[] top = new long[k];
        int count = 0;
        for (int i = 0; i < size; i++) {
            count = offer(top, count, key(probs[i], ids[i]));
        }
        loadSorted(top, count);
    }

    /**
     * Keeps the {@code k} tokens of highest {@code weights[i] * scale} (ties go to the lower id), sorted best first,
     * each with that product as its probability. With fillSoftmax's unscaled exps as weights and its scale this is
     * fillSoftmax then {@link #keepTop}, to the bit, without the two vocabulary-sized copies.
     */
    void fillTopScaled(float[] weights, float scale, int k) {
        long[] top = new long[Math.min(k, weights.length)];
        int count = 0;
        for (int i = 0; i < weights.length; i++) {
            count = offer(top, count, key(weights[i] * scale, i));
        }
        if (ids.length < count) {
            ids = new int[Math.max(count, 16)];
            probs = new float[Math.max(count, 16)];
        }
        loadSorted(top, count);
    }

    /**
     * Fills with only the {@code n} tokens of highest logit, best first, each with its probability
     * exp((logit - max) / temperature) / normaliser. For top-k sampling and greedy picks this spares the full
     * softmax: one pass without exp over the vocabulary, then n exps.
     */
    public void fillTop(float[] logits, int n, double temperature, float max, double normaliser) {
        int k = Math.min(n, logits.length);
        long[] top = new long[k];
        int count = 0;
        for (int i = 0; i < logits.length; i++) {
            count = offer(top, count, key(logits[i], i));
        }
        if (ids.length < count) {
            ids = new int[Math.max(count, 16)];
            probs = new float[Math.max(count, 16)];
        }
        double inverse = 1.0 / temperature;
        for (int i = 0; i < count; i++) {
            ids[i] = (int) top[i];
            float logit = valueOf(top[i]);
            probs[i] = logit == Float.NEGATIVE_INFINITY ? 0f : (float) (Math.exp((logit - max) * inverse) / normaliser);
        }
        size = count;
        sorted = true;
    }

    /**
     * Inserts a key into a small ascending buffer of at most {@code top.length} keys, dropping the largest when
     * full; returns the new count. Most keys lose to the last entry at once, so a pass costs about one compare each.
     */
    private static int offer(long[] top, int count, long key) {
        int k = top.length;
        if (count < k || key < top[count - 1]) {
            int at = count < k ? count++ : count - 1;
            while (at > 0 && top[at - 1] > key) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = key;
        }
        return count;
    }

    /** Sorts best first (ties: lower id first). */
    public void sortDescending() {
        if (sorted) {
            return;
        }
        if (keys.length < size) {
            keys = new long[size];
        }
        for (int i = 0; i < size; i++) {
            keys[i] = key(probs[i], ids[i]);
        }
        Arrays.sort(keys, 0, size);
        loadSorted(keys, size);
    }

    /** Keeps the first {@code count} candidates (after sorting). */
    void truncate(int count) {
        size = Math.min(size, count);
    }

    /** Keeps candidates whose probability is at least {@code threshold}, in their order. */
    public void keepAtLeast(float threshold) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (probs[i] >= threshold) {
                ids[kept] = ids[i];
                probs[kept] = probs[i];
                kept++;
            }
        }
        size = kept;
    }

    boolean isSorted() {
        return sorted;
    }

    public float maxProbability() {
        float max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, probs[i]);
        }
        return max;
    }

    public double totalProbability() {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += probs[i];
        }
        return total;
    }

    /**
     * Picks a token in proportion to the probabilities left; -1 when nothing is left. A NaN or infinite probability
     * counts as 0 (it would make the total NaN and rule every token out).
     */
    public int sample(RandomGenerator random) {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += weight(probs[i]);
        }
        if (size == 0 || total <= 0) {
            return -1;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < size; i++) {
            cumulative += weight(probs[i]);
            if (target < cumulative) {
                return ids[i];
            }
        }
        for (int i = size - 1; i >= 0; i--) {
            if (weight(probs[i]) > 0) {
                return ids[i];
            }
        }
        return -1;
    }

    private static float weight(float probability) {
        return probability > 0 && probability != Float.POSITIVE_INFINITY ? probability : 0f;
    }

    /** The most likely token left (lower id on ties); -1 when nothing is left. */
    public int best() {
        int best = -1;
        for (int i = 0; i < size; i++) {
            if (probs[i] > 0 && (best < 0 || probs[i] > probs[best] || (probs[i] == probs[best] && ids[i] < ids[best]))) {
                best = i;
            }
        }
        return best < 0 ? -1 : ids[best];
    }

    private void loadSorted(long[] sortedKeys, int count) {
        for (int i = 0; i < count; i++) {
            ids[i] = (int) sortedKeys[i];
            probs[i] = valueOf(sortedKeys[i]);
        }
        size = count;
        sorted = true;
    }

    /** Ascending order of keys is descending value, then ascending id (works for any float, negative too). */
    private static long key(float value, int id) {
        int bits = Float.floatToIntBits(value);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~sortable << 32) | (id & 0xffffffffL);
    }

    private static float valueOf(long key) {
        int sortable = ~(int) (key >> 32);
        return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
    }
}
