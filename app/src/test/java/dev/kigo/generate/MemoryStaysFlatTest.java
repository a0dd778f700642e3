package dev.kigo.generate;

import dev.kigo.model.Fixtures;
import dev.kigo.model.LanguageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long session of short generations leaves memory where it was: every step's ONNX Runtime values (its present
 * tensors, the prompt's logits) are freed, and nothing on the Java heap keeps a generation. A leak of one step's
 * tensors on this fixture is about 10 kB a step, 100 MB over the run, far above the bounds.
 */
class MemoryStaysFlatTest {
    private static final int GENERATIONS = 1_000;
    /** Generous: allocator and JIT noise, not leaks, move these numbers by a few MB. */
    private static final long NATIVE_BOUND_KB = 24 * 1024;
    private static final long HEAP_BOUND_KB = 24 * 1024;
    /** The first line of a mapping in /proc/self/smaps: its address range. */
    private static final java.util.regex.Pattern MAPPING = java.util.regex.Pattern.compile("[0-9a-f]+-[0-9a-f]+ ");

    @Test
    @EnabledOnOs(OS.LINUX) // reads /proc/self/smaps
    void memoryDoesNotGrowOverAThousandShortGenerations() throws Exception {
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle())) {
            Generator generator = new Generator(model);
            LogitsProcessor banEnd = (logits, context) -> logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;
            Runnable generation = new Runnable() {
                private long seed;

                @Override
                public void run() {
                    SamplingSettings settings = SamplingSettings.defaults().withMaxTokens(12).withSeed(seed++);
                    GenerationResult result = generator.generate(
                            GenerationRequest.plain("an old pond", settings).withProcessors(() -> List.of(banEnd)));
                    assertTrue(result.generatedTokens() == 12, "each generation writes its 12 tokens");
                }
            };
            for (int i = 0; i < 100; i++) {
                generation.run(); // every lazily made buffer and compiled method exists before the first reading
            }
            long[] before = readings();
            for (int i = 0; i < GENERATIONS; i++) {
                generation.run();
            }
            long[] after = readings();
            long nativeGrowth = after[0] - before[0];
            long heapGrowth = after[1] - before[1];
            assertTrue(nativeGrowth < NATIVE_BOUND_KB, "memory outside the Java heap grew by " + nativeGrowth
                    + " kB over " + GENERATIONS + " generations (from " + before[0] + " kB)");
            assertTrue(heapGrowth < HEAP_BOUND_KB, "the Java heap in use grew by " + heapGrowth + " kB over "
                    + GENERATIONS + " generations (from " + before[1] + " kB)");
        }
    }

    /** Resident kB outside the Java heap, and kB of Java heap in use, after a collection. */
    private static long[] readings() throws IOException, InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapUsedKb = (runtime.totalMemory() - runtime.freeMemory()) / 1024;
        return new long[] {residentOutsideHeapKb(), heapUsedKb};
    }

    /**
     * Resident memory of every mapping but the Java heap's: ONNX Runtime's allocations, direct buffers, the JVM's own.
     * The heap is left out because a collector may keep pages of it resident (ZGC, which the tests run with as the
     * studio does, maps them more than once, as memfd:java_heap).
     */
    private static long residentOutsideHeapKb() throws IOException {
        long total = 0;
        boolean heap = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (MAPPING.matcher(line).lookingAt()) {
                heap = line.contains("java_heap");
            } else if (line.startsWith("Rss:") && !heap) {
                total += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return total;
    }
}
