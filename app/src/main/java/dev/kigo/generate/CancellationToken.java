package dev.kigo.generate;

/** Asks a running generation to stop. It checks before each model step, so it stops within one step. */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
