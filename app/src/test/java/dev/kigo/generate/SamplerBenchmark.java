package dev.kigo.generate;

import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the Java side of a decoding step alone, on a real model's logits (a program, not a test): the model writes
 * STEPS tokens greedily after a haiku prompt, keeping each step's logits, then {@link SamplerChain#choose} runs over
 * those logits again and again with the default settings and with greedy ones; prints the median per call.
 * Usage: SamplerBenchmark MODEL_FOLDER [CALLS]
 */
public final class SamplerBenchmark {
    private static final int STEPS = 32;

    private SamplerBenchmark() { }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        List<float[]> steps = new ArrayList<>();
        int[] prompt;
        int eot;
        try (LanguageModel model = LanguageModel.load(Path.of(args[0]))) {
            eot = model.info().eotId();
            prompt = model.tokenizer().encode("(autumn moon = the old pond");
            try (DecoderState state = model.newState(1)) {
                float[] logits = state.prefill(new int[][] {prompt})[0];
                for (int i = 0; i < STEPS; i++) {
                    steps.add(logits.clone());
                    int best = 0;
                    for (int t = 1; t < logits.length; t++) {
                        best = logits[t] > logits[best] ? t : best;
                    }
                    logits = state.step(new int[] {best})[0];
                }
            }
            System.out.printf(Locale.ROOT, "| settings (%s, vocabulary %d) | µs per choose, median of %d |%n|---|---:|%n",
                    model.info().name(), steps.get(0).length, calls);
        }
        SamplingSettings defaults = SamplingSettings.defaults();
        for (SamplingSettings settings : List.of(defaults, SamplingSettings.greedy(64),
                defaults.withTemperature(1.0))) {
            SamplerChain chain = SamplerChain.from(settings, List.of());
            GenerationContext context = new GenerationContext(prompt, null, eot);
            float[] work = new float[steps.get(0).length];
            long[] nanos = new long[calls];
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                for (int i = 0; i < calls; i++) {
                    float[] logits = steps.get(i % STEPS);
                    System.arraycopy(logits, 0, work, 0, logits.length);
                    long start = System.nanoTime();
                    chain.choose(work, context);
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "| t %.1f, top-k %d, top-p %.2f, repetition %.1f | %.0f |%n",
                    settings.temperature(), settings.topK(), settings.topP(), settings.repetitionPenalty(),
                    nanos[calls / 2] / 1e3);
        }
    }
}
