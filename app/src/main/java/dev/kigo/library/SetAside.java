package dev.kigo.library;

import java.nio.file.Path;

/**
 * A library file Kigo could not use and moved out of the way (never deleted, never overwritten), so the poet
 * can keep it, inspect it or send it in.
 *
 * @param original where it was
 * @param movedTo  where it is now
 * @param reason   why it could not be used, in a few words (e.g. "it is not an SQLite database")
 */
public record SetAside(Path original, Path movedTo, String reason) {

    /** One sentence for the UI and the CLI. */
    public String message() {
        return "The library file " + original + " could not be used (" + reason + "), so it was kept as " + movedTo
                + " and a new, empty library was started.";
    }
}
