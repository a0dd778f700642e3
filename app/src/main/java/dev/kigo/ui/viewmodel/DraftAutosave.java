package dev.kigo.ui.viewmodel;

import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.settings.DraftStore;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the editor's text on disk. The view reports text after typing pauses; writes happen in the
 * background, one at a time, and only the newest text is written. {@link #flush} writes synchronously on close.
 */
public final class DraftAutosave {

    private final DraftStore store;
    private final FxExecutor executor;
    private final Consumer<String> reportProblem;
    private final Object lock = new Object();
    private String pending;
    private volatile String lastWritten;
    private boolean writing;
    private boolean reported;

    public DraftAutosave(DraftStore store, FxExecutor executor, Consumer<String> reportProblem, String restoredText) {
        this.store = store;
        this.executor = executor;
        this.reportProblem = reportProblem;
        this.lastWritten = restoredText;
    }

    /** Called with the editor's full text whenever typing pauses. */
    public void textChanged(String text) {
        synchronized (lock) {
            pending = text;
            if (writing) {
                return; // the running write picks up the newest text when it finishes
            }
            writing = true;
        }
        executor.supply(this::writePending).whenComplete((ok, failure) -> {
            if (failure != null && !(failure instanceof java.util.concurrent.CancellationException) && !reported) {
                reported = true; // one banner, not one per keystroke pause
                reportProblem.accept("Your draft could not be autosaved: " + UserMessages.describe(failure));
            }
        });
    }

    /** Writes whatever is pending now, on the calling thread. */
    public void flush(String text) {
        synchronized (lock) {
            pending = text;
        }
        try {
            writePending();
        } catch (IOException e) {
            reportProblem.accept("Your draft could not be saved: " + UserMessages.describe(e));
        }
    }

    private Boolean writePending() throws IOException {
        // One writer at a time, and the text is taken inside the same monitor, so an older text can never
        // be written after a newer one (a background write racing the flush on close).
        synchronized (store) {
            try {
                while (true) {
                    String text;
                    synchronized (lock) {
                        text = pending;
                        pending = null;
                        if (text == null || Objects.equals(text, lastWritten)) {
                            writing = false;
                            return Boolean.TRUE;
                        }
                    }
                    store.save(text);
                    lastWritten = text;
                }
            } catch (IOException | RuntimeException e) {
                synchronized (lock) {
                    writing = false;
                }
                throw e;
            }
        }
    }
}
