package dev.kigo.cli;

/** Turns an exception into the one sentence the command line prints. */
final class CliErrors {
    private CliErrors() { }

    static String describe(Throwable exception) {
        Throwable cause = exception;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
