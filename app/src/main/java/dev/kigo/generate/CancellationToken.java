package dev.kigo.generate;

/**
 * Asks a running generation to stop. It checks before each model step, so it stops within one step.
 *
 * <p>A token made by {@link #child()} is cancelled when it or its parent is: a batch that streams several columns
 * at once gives each row a child of the batch's token, so one column can stop while the others go on, and stopping
 * the batch stops them all.
 */
public final class CancellationToken {
    private final CancellationToken parent;
    private volatile boolean cancelled;

    public CancellationToken() {
        this(null);
    }

    private CancellationToken(CancellationToken parent) {
        this.parent = parent;
    }

    /** A token that is cancelled when this one is, and can also be cancelled on its own. */
    public CancellationToken child() {
        return new CancellationToken(this);
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || (parent != null && parent.isCancelled());
    }
}
