package dev.kigo.library;

/** How a version of a piece came to be. */
public enum VersionKind {
    /** The first version, written by the model. */
    GENERATED,
    /** The first version, written (or pasted) by the poet. */
    WRITTEN,
    /** The poet changed the text, title or form. */
    EDITED,
    /** The model wrote the piece again (a new generation is linked). */
    REGENERATED,
    /** The poet went back to an earlier version; its content was copied into this new one. */
    RESTORED
}
