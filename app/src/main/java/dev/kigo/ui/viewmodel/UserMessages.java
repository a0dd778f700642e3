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
        if (cause instanceof java.nio.file.FileSystemException files) {
            return fileProblem(files);
        }
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return "The file is not UTF-8 text.";
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

    /** File errors carry only a path as their message ("/home/u/.config/kigo/x.tmp"): say what happened to it. */
    private static String fileProblem(java.nio.file.FileSystemException failure) {
        String file = failure.getFile() == null ? "a file" : failure.getFile();
        if (failure instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied for " + file + ".";
        }
        if (failure instanceof java.nio.file.NoSuchFileException) {
            return "There is no " + file + " (was its folder moved or deleted?).";
        }
        if (failure instanceof java.nio.file.FileAlreadyExistsException) {
            return file + " already exists.";
        }
        String reason = failure.getReason();
        return reason == null || reason.isBlank() ? "A file could not be used: " + file + "."
                : "A file could not be used: " + file + " (" + reason + ").";
    }
}
