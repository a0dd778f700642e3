package dev.kigo.export;

/** An export that could not be written, said in one sentence (the UI and CLI show the message as it is). */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
