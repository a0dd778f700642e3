package dev.kigo.generate;

/** Why a generation ended. Stored with every generation in the library. */
public enum FinishReason {
    /** The model produced its end-of-text token. */
    END_OF_TEXT,
    /** The prompt format's closing bracket ended the piece (e.g. the ")" of "(dog rain = ...)"). */
    END_OF_FORMAT,
    /** The settings' max-tokens limit was reached. */
    MAX_TOKENS,
    /** A stop string appeared. */
    STOP_STRING,
    /** The model's context window is full. */
    CONTEXT_FULL,
    /** The user (or caller) cancelled. */
    CANCELLED,
    /** Constrained decoding found no allowed token and backed off. */
    CONSTRAINT_DEAD_END
}
