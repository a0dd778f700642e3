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
        // One pass with a small sorted buffer: most tokens lose to the buffer's last entry at once.
        long[] top = new long[k];
        int count = 0;
        for (int i = 0; i < size; i++) {
            long key = key(probs[i], ids[i]);
            if (count < k || key < top[count - 1]) {
                int at = count < k ? count++ : count - 1;
                while (at > 0 && top[at - 1] > key) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = key;
            }
        }
        loadSorted(top, count);
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

    /** Picks a token in proportion to the probabilities left; -1 when nothing is left. */
    public int sample(RandomGenerator random) {
        double total = totalProbability();
        if (size == 0 || total <= 0) {
            return -1;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < size; i++) {
            cumulative += probs[i];
            if (target < cumulative) {
                return ids[i];
            }
        }
        for (int i = size - 1; i >= 0; i--) {
            if (probs[i] > 0) {
                return ids[i];
            }
        }
        return -1;
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
            probs[i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (sortedKeys[i] >>> 32));
        }
        size = count;
        sorted = true;
    }

    /** Ascending order of keys is descending probability, then ascending id (non-negative floats sort as ints). */
    private static long key(float probability, int id) {
        return ((long) (Integer.MAX_VALUE - Float.floatToIntBits(probability)) << 32) | (id & 0xffffffffL);
    }
}
