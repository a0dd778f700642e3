package dev.kigo.generate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class YieldingThreadsTest {

    @Test
    void aYieldingThreadRunsAtTheLowerPriorityAndLeavesTheCallerAlone() throws Exception {
        OptionalInt callerBefore = YieldingThreads.currentNice();
        assumeTrue(callerBefore.isPresent(), "per-thread nice values are read from /proc (Linux)");
        CompletableFuture<OptionalInt> seenInside = new CompletableFuture<>();
        CompletableFuture<String> name = new CompletableFuture<>();
        YieldingThreads.executor("kigo-test-yielding").execute(() -> {
            name.complete(Thread.currentThread().getName());
            seenInside.complete(YieldingThreads.currentNice());
        });
        assertEquals("kigo-test-yielding", name.get(10, TimeUnit.SECONDS));
        int inside = seenInside.get(10, TimeUnit.SECONDS).orElseThrow();
        // Raising one's own nice needs no privilege; a process already nicer than NICE stays where it was.
        assertEquals(Math.max(YieldingThreads.NICE, callerBefore.getAsInt()), inside);
        assertEquals(callerBefore, YieldingThreads.currentNice(), "only the new thread changed, not the caller");
    }

    @Test
    void aGenerationStartedInTheBackgroundRunsOnAYieldingThread() throws Exception {
        assumeTrue(YieldingThreads.currentNice().isPresent(), "per-thread nice values are read from /proc (Linux)");
        CompletableFuture<OptionalInt> nice = new CompletableFuture<>();
        // The listener runs on the generation thread: its nice value is the model's.
        var model = dev.kigo.model.LanguageModel.load(dev.kigo.model.Fixtures.bundle());
        try (model) {
            GenerationJob job = new Generator(model).start(GenerationRequest.plain("the moon",
                    SamplingSettings.defaults().withMaxTokens(3)), (row, token) -> nice.complete(YieldingThreads.currentNice()));
            job.await();
        }
        assertTrue(nice.get(10, TimeUnit.SECONDS).getAsInt() >= YieldingThreads.NICE, "generation thread nice " + nice.get());
    }

    @Test
    void theJitCompilerThreadsAreLoweredAndNothingElse() throws Exception {
        assumeTrue(YieldingThreads.currentNice().isPresent(), "per-thread nice values are read from /proc (Linux)");
        int callerBefore = YieldingThreads.currentNice().getAsInt();
        int lowered = YieldingThreads.lowerJitCompilerThreads();
        Map<String, Integer> nice = niceByThread();
        List<String> compilers = nice.keySet().stream().filter(n -> n.matches("C[12] CompilerThre.*")).toList();
        assertTrue(!compilers.isEmpty(), "HotSpot's compiler threads are visible: " + nice.keySet());
        assertEquals(compilers.size(), lowered, "each compiler thread lowered: " + compilers);
        compilers.forEach(name -> assertTrue(nice.get(name) >= YieldingThreads.NICE, name + " at nice " + nice.get(name)));
        assertEquals(callerBefore, YieldingThreads.currentNice().getAsInt(), "the calling thread keeps its priority");
    }

    /** Nice value of each thread of this process, by its (15-character) Linux name plus its id. */
    private static Map<String, Integer> niceByThread() throws IOException {
        Map<String, Integer> nice = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    nice.put(Files.readString(task.resolve("comm")).strip() + " #" + task.getFileName(), Integer.parseInt(fields[16]));
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return nice;
    }
}
