package dev.kigo.generate;

/**
 * Receives a generation as it happens, on the generating thread (a UI hands events to its own thread). For a batch,
 * {@code row} says which request the event belongs to; for a single generation it is 0.
 */
@FunctionalInterface
public interface GenerationListener {
    void onToken(int row, TokenEvent event);

    /** Called once per row when it ends, before the generate call returns. */
    default void onFinished(int row, GenerationResult result) { }

    GenerationListener NONE = (row, event) -> { };
}
