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

    /** A picocli message as the start of a sentence: without its "Error: " label and trailing full stop. */
    static String sentence(String message) {
        String stripped = message == null ? "" : message.strip();
        if (stripped.startsWith("Error: ")) {
            stripped = stripped.substring("Error: ".length());
        }
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
