package dev.kigo.ui.viewmodel;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into the one sentence the poet sees: never a stack trace, never a bare class name if avoidable. */
public final class UserMessages {
    private UserMessages() { }

    public static String describe(Throwable failure) {
        Throwable cause = failure;
        // Wrappers from futures and reflection carry no message of their own worth showing.
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause.getMessage() == null || cause.getMessage().isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "Something went wrong (" + cause.getClass().getSimpleName() + ").";
        }
        String firstLine = message.strip().lines().findFirst().orElse(message.strip());
        if (firstLine.length() > 300) {
            firstLine = firstLine.substring(0, 297) + "...";
        }
        return firstLine.endsWith(".") || firstLine.endsWith("?") || firstLine.endsWith("!") ? firstLine : firstLine + ".";
    }
}
