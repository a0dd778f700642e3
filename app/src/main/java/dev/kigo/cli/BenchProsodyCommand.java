package dev.kigo.cli;

import dev.kigo.prosody.EstimatorEvaluation;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.PoemChecker;
import dev.kigo.prosody.PronouncingDictionary;
import dev.kigo.prosody.SyllableCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** `kigo bench-prosody`: the numbers behind the prosody section of docs/benchmarks.md, as a table. */
@Command(name = "bench-prosody",
        mixinStandardHelpOptions = true,
        description = "Times dictionary loading, counting a poem, a 10,000-line paste, and measures the estimator.")
public final class BenchProsodyCommand implements Callable<Integer> {

    static final String HAIKU = "an old silent pond\na frog jumps into the pond\nsplash! silence again";
    static final String HAIKU_WITH_ESTIMATES = "dragonflies hover\nover the moonless wisteria\nthe spider's web glints";

    @Spec
    CommandSpec spec;

    @Option(names = "--loads", defaultValue = "5", description = "Dictionary loads to time (the first is cold).")
    int loads;

    @Option(names = "--iterations", defaultValue = "200000", description = "Timed checks of the 3-line poem.")
    int iterations;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %d cores, load average %.2f, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"));
        out.println("| measure | value |");
        out.println("|---|---|");

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] loadMillis = new long[loads];
        long[] loadCpuMillis = new long[loads];
        PronouncingDictionary dictionary = null;
        long heapBefore = usedHeap();
        for (int i = 0; i < loads; i++) {
            dictionary = null;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            dictionary = PronouncingDictionary.loadDefault();
            loadMillis[i] = (System.nanoTime() - start) / 1_000_000;
            loadCpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        }
        long heapAfter = usedHeap();
        row(out, "dictionary words (pronunciations file: " + PronouncingDictionary.locate().map(Object::toString).orElse("class path") + ")",
                String.format("%,d", dictionary.size()));
        row(out, "dictionary load, first (cold JVM): wall / this thread's CPU", loadMillis[0] + " ms / " + loadCpuMillis[0] + " ms");
        if (loads > 1) {
            long[] warm = Arrays.copyOfRange(loadMillis, 1, loads);
            Arrays.sort(warm);
            long[] warmCpu = Arrays.copyOfRange(loadCpuMillis, 1, loads);
            Arrays.sort(warmCpu);
            row(out, "dictionary load, median of " + warm.length + " more: wall / CPU",
                    warm[warm.length / 2] + " ms / " + warmCpu[warmCpu.length / 2] + " ms");
        }
        row(out, "dictionary heap (retained after GC)", String.format("%.1f MB", (heapAfter - heapBefore) / 1e6));

        long start = System.nanoTime();
        dictionary.prefixIndex();
        row(out, "prefix index build (for the constrained decoder)", (System.nanoTime() - start) / 1_000_000 + " ms");

        PoemChecker checker = new PoemChecker(new SyllableCounter(dictionary));
        row(out, "check a 3-line haiku (dictionary words)", String.format("%.2f µs", microsPerCheck(checker, HAIKU)));
        row(out, "check a 3-line haiku (with estimated words)",
                String.format("%.2f µs", microsPerCheck(checker, HAIKU_WITH_ESTIMATES)));

        String paste = tenThousandLines();
        checker.check(paste, Form.HAIKU);
        start = System.nanoTime();
        PoemCheck pasted = checker.check(paste, Form.HAIKU);
        row(out, "check a 10,000-line paste (" + String.format("%,d", paste.length()) + " chars)",
                (System.nanoTime() - start) / 1_000_000 + " ms (" + pasted.lines().size() + " lines)");

        start = System.nanoTime();
        EstimatorEvaluation.Result reported = EstimatorEvaluation.run(dictionary, EstimatorEvaluation.REPORTED_BUCKET, 0);
        long evalMillis = (System.nanoTime() - start) / 1_000_000;
        row(out, "estimator exact match, held-out bucket " + reported.bucket() + " of " + EstimatorEvaluation.BUCKETS,
                String.format("%.2f%% (%,d of %,d words, %d ms)", 100 * reported.accuracy(), reported.matched(),
                        reported.heldOut(), evalMillis));
        EstimatorEvaluation.Result tuning = EstimatorEvaluation.run(dictionary, 1, 0);
        row(out, "estimator exact match, bucket 1 (used while tuning rules)",
                String.format("%.2f%% (%,d of %,d words)", 100 * tuning.accuracy(), tuning.matched(), tuning.heldOut()));
        EstimatorEvaluation.Result haiku = EstimatorEvaluation.haikuVocabulary(new SyllableCounter(dictionary));
        row(out, "hand-counted haiku words missing from cmudict (any reading)",
                String.format("%.1f%% (%d of %d; misses: %s)", 100 * haiku.accuracy(), haiku.matched(), haiku.heldOut(),
                        String.join("; ", haiku.misses())));
        out.flush();
        return 0;
    }

    private double microsPerCheck(PoemChecker checker, String poem) {
        int warmUp = Math.max(iterations / 4, 1000);
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += checker.check(poem, Form.HAIKU).lines().size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sink += checker.check(poem, Form.HAIKU).lines().size();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print(""); // keeps the loop from being optimised away
        }
        return elapsed / 1000.0 / iterations;
    }

    /** A deterministic paste: haiku lines, numbers, punctuation and invented words, 10,000 lines. */
    static String tenThousandLines() {
        List<String> pool = new ArrayList<>(List.of(HAIKU.split("\n")));
        pool.addAll(List.of(HAIKU_WITH_ESTIMATES.split("\n")));
        pool.addAll(List.of("in 1999 — the snow / fell on 3.14 roofs", "", "FBI agents whisper; don’t!",
                "zorbleflax the moonlit gibbousness", "🌸 cherry blossoms 🌸 …"));
        StringBuilder text = new StringBuilder(10_000 * 30);
        for (int i = 0; i < 10_000; i++) {
            text.append(pool.get(i % pool.size())).append(i % 97 == 0 ? " extra" + i : "").append('\n');
        }
        return text.toString();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void row(PrintWriter out, String measure, String value) {
        out.println("| " + measure + " | " + value + " |");
        out.flush();
    }
}
