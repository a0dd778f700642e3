package dev.kigo.library;

/**
 * Something the library could not do, said in one sentence a poet can read (the UI and CLI show the message
 * as it is; the cause keeps the technical detail for a debug log).
 */
public class LibraryException extends RuntimeException {
    public LibraryException(String message) {
        super(message);
    }

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
