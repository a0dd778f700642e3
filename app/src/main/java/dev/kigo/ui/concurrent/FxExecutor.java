package dev.kigo.ui.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way work reaches the FX thread. Jobs run on background threads; their results and events are
 * handed to the FX thread through {@code fxThread} (Platform::runLater in the app, a direct or queued
 * executor in view-model tests, so view models need no toolkit).
 *
 * <p>Fast producers (a model streaming hundreds of tokens a second) go through {@link #batching}: at most one
 * hand-off is pending at a time, and it delivers everything that arrived since, so the FX thread sees one
 * batch per pulse instead of a flood of runnables.
 */
public final class FxExecutor implements AutoCloseable {

    private final ExecutorService background;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads());
    private final Executor fxThread;

    public FxExecutor(Executor fxThread, int backgroundThreads) {
        this.fxThread = Objects.requireNonNull(fxThread);
        this.background = Executors.newFixedThreadPool(backgroundThreads, daemonThreads());
    }

    /** Runs {@code job} in the background; the returned future completes on the FX thread. */
    public <T> CompletableFuture<T> supply(Callable<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            background.execute(() -> run(job, result));
        } catch (RejectedExecutionException closing) {
            // The window is closing; late work (a debounced autosave) is dropped, as closing already saved.
            result.cancel(false);
        }
        return result;
    }

    private <T> void run(Callable<T> job, CompletableFuture<T> result) {
        try {
            T value = job.call();
            fxThread.execute(() -> result.complete(value));
        } catch (Throwable failure) {
            fxThread.execute(() -> result.completeExceptionally(failure));
        }
    }

    /** Runs {@code action} on the FX thread after {@code delayMillis} (debouncing: the caller drops stale calls). */
    public void after(long delayMillis, Runnable action) {
        try {
            timer.schedule(() -> fxThread.execute(action), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // The window is closing; nothing left to do.
        }
    }

    /**
     * A thread-safe sink whose items reach {@code onFxThread} in order, in batches: one pending hand-off at a
     * time, carrying everything queued until it runs.
     */
    public <T> Consumer<T> batching(Consumer<List<T>> onFxThread) {
        return new Batcher<>(onFxThread, fxThread, 0, timer);
    }

    /**
     * Like {@link #batching(Consumer)}, but hand-offs are at least {@code minIntervalMillis} apart: for consumers
     * whose every call costs a layout (an editor), fewer, larger batches leave the FX thread free in between.
     */
    public <T> Consumer<T> batching(Consumer<List<T>> onFxThread, long minIntervalMillis) {
        return new Batcher<>(onFxThread, fxThread, TimeUnit.MILLISECONDS.toNanos(minIntervalMillis), timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Batcher<T> implements Consumer<T> {
        private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean handOffPending = new AtomicBoolean();
        private final Consumer<List<T>> onFxThread;
        private final Executor fxThread;
        private final long minIntervalNanos;
        private final ScheduledExecutorService timer;
        private volatile long lastDrainNanos;

        Batcher(Consumer<List<T>> onFxThread, Executor fxThread, long minIntervalNanos, ScheduledExecutorService timer) {
            this.onFxThread = onFxThread;
            this.fxThread = fxThread;
            this.minIntervalNanos = minIntervalNanos;
            this.timer = timer;
            this.lastDrainNanos = System.nanoTime() - minIntervalNanos;
        }

        @Override
        public void accept(T item) {
            queue.add(item);
            if (handOffPending.compareAndSet(false, true)) {
                long wait = lastDrainNanos + minIntervalNanos - System.nanoTime();
                if (wait <= 0) {
                    fxThread.execute(this::drain);
                } else {
                    try {
                        timer.schedule(() -> fxThread.execute(this::drain), wait, TimeUnit.NANOSECONDS);
                    } catch (RejectedExecutionException closing) {
                        fxThread.execute(this::drain);
                    }
                }
            }
        }

        private void drain() {
            lastDrainNanos = System.nanoTime();
            // Clear the flag before draining: an item added during the drain either is taken now or
            // schedules the next hand-off, so none is stranded.
            handOffPending.set(false);
            List<T> batch = new ArrayList<>();
            for (T item; (item = queue.poll()) != null; ) {
                batch.add(item);
            }
            if (!batch.isEmpty()) {
                onFxThread.accept(batch);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "kigo-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
