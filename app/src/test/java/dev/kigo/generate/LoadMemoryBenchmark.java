package dev.kigo.generate;

import dev.kigo.model.Device;
import dev.kigo.model.LanguageModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Resident memory of one model in a fresh process (a program, not a test): after loading, the peak while loading,
 * and the peak after a prompt of N tokens, 48 more and four short generations (default settings, end-of-text
 * banned). Run it once per model in its own JVM. Usage: LoadMemoryBenchmark MODEL_FOLDER [PROMPT_TOKENS]
 */
public final class LoadMemoryBenchmark {
    private LoadMemoryBenchmark() { }

    public static void main(String[] args) throws Exception {
        int promptTokens = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        long start = System.nanoTime();
        try (LanguageModel model = LanguageModel.load(Path.of(args[0]), Device.CPU, 2)) {
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            long afterLoad = statusMb("VmRSS");
            long loadPeak = statusMb("VmHWM");
            Generator generator = new Generator(model);
            LogitsProcessor banEnd = (logits, context) -> logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;
            StringBuilder prompt = new StringBuilder();
            while (model.tokenizer().encode(prompt.toString()).length < promptTokens) {
                prompt.append(" old pond frog");
            }
            generator.generate(GenerationRequest.plain(prompt.toString(), SamplingSettings.defaults().withMaxTokens(48))
                    .withProcessors(() -> List.of(banEnd)));
            for (int seed = 0; seed < 4; seed++) {
                generator.generate(GenerationRequest.plain("an old pond",
                        SamplingSettings.defaults().withMaxTokens(48).withSeed(seed)).withProcessors(() -> List.of(banEnd)));
            }
            System.out.printf(Locale.ROOT, "| %s | load %d ms | RSS after loading %d MB | peak while loading %d MB"
                            + " | peak after a %d-token prompt and 48 tokens %d MB |%n", model.info().name(), loadMillis,
                    afterLoad, loadPeak, promptTokens, statusMb("VmHWM"));
        }
    }

    private static long statusMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
