package dev.kigo.ui.concurrent;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FxExecutorTest {

    /** Stands in for the FX event queue: runnables wait until the test "runs a pulse". */
    private final Queue<Runnable> fxQueue = new ArrayDeque<>();

    private void runPendingFxWork() {
        for (Runnable r; (r = fxQueue.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void manyEventsBetweenPulsesArriveAsOneBatchInOrder() {
        try (FxExecutor executor = new FxExecutor(fxQueue::add, 1)) {
            List<List<Integer>> batches = new ArrayList<>();
            Consumer<Integer> sink = executor.batching(batches::add);
            IntStream.range(0, 1000).forEach(sink::accept);
            assertEquals(1, fxQueue.size(), "one pending hand-off, not a thousand");
            runPendingFxWork();
            assertEquals(List.of(IntStream.range(0, 1000).boxed().toList()), batches);
        }
    }

    @Test
    void eventsAfterADrainScheduleTheNextBatch() {
        try (FxExecutor executor = new FxExecutor(fxQueue::add, 1)) {
            List<List<String>> batches = new ArrayList<>();
            Consumer<String> sink = executor.batching(batches::add);
            sink.accept("a");
            runPendingFxWork();
            sink.accept("b");
            sink.accept("c");
            runPendingFxWork();
            assertEquals(List.of(List.of("a"), List.of("b", "c")), batches);
        }
    }

    @Test
    void noEventIsLostWhenAProducerThreadRacesTheDrain() throws Exception {
        List<Integer> received = new ArrayList<>();
        try (FxExecutor executor = new FxExecutor(Runnable::run, 1)) {
            // Runnable::run drains on the producer thread, so the flag is exercised under contention.
            Consumer<Integer> sink = executor.batching(batch -> {
                synchronized (received) {
                    received.addAll(batch);
                }
            });
            CountDownLatch done = new CountDownLatch(2);
            for (int t = 0; t < 2; t++) {
                int offset = t * 100_000;
                new Thread(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        sink.accept(offset + i);
                    }
                    done.countDown();
                }).start();
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
        }
        assertEquals(200_000, received.size());
    }

    @Test
    void supplyCompletesOnTheFxExecutorWithTheJobsFailure() throws Exception {
        try (FxExecutor executor = new FxExecutor(fxQueue::add, 1)) {
            CompletableFuture<String> ok = executor.supply(() -> "done");
            CompletableFuture<String> failed = executor.supply(() -> {
                throw new IllegalStateException("model folder is empty");
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((fxQueue.size() < 2) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(!ok.isDone() && !failed.isDone(), "nothing completes before the FX thread runs");
            runPendingFxWork();
            assertEquals("done", ok.get());
            assertTrue(failed.isCompletedExceptionally());
        }
    }
}
