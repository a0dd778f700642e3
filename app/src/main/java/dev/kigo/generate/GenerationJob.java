package dev.kigo.generate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A generation running in the background: cancel it, or wait for its result. */
public final class GenerationJob {
    private final CancellationToken cancellation;
    private final CompletableFuture<GenerationResult> result;

    GenerationJob(CancellationToken cancellation, CompletableFuture<GenerationResult> result) {
        this.cancellation = cancellation;
        this.result = result;
    }

    /** Stops the generation within one step; the result then has finish reason CANCELLED. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** Completes with the result, or exceptionally with a {@link GenerationException}. */
    public CompletableFuture<GenerationResult> result() {
        return result;
    }

    /** Waits for the result; a failure comes back as the {@link GenerationException} it was. */
    public GenerationResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new GenerationException("The generation failed: " + e.getCause(), e.getCause());
        }
    }
}
