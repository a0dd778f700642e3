package dev.kigo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fuzz tests share: how an input splits in two, a scratch folder, and what a refusal must look like. */
public final class Fuzzing {
    /**
     * The time one input may take. It catches the pathological (a parse that grows with the square of its input takes
     * tens of seconds), not the slow: the first input meets classes still being loaded and instrumented by Jazzer, on
     * a machine whose two cores other builds share, and took up to 3 s there.
     */
    public static final long MAX_MILLIS = 5_000;

    private Fuzzing() { }

    /**
     * An input read as its first line and the rest (so a committed input reads as it is: a form or keywords, then a
     * poem).
     */
    public record Split(String firstLine, String rest) {
        public static Split of(String input) {
            int newline = input.indexOf('\n');
            return newline < 0 ? new Split(input, "") : new Split(input.substring(0, newline), input.substring(newline + 1));
        }
    }

    /** A fresh folder under java.io.tmpdir (surefire points it into target/, which a clean build has not made yet). */
    public static Path scratchFolder(String prefix) throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(prefix);
    }

    /** The refusal a poet would see: one line, naming the file it is about. */
    public static void assertOneSentenceNaming(String file, Exception refusal) {
        String message = refusal.getMessage();
        assertNotNull(message, () -> "a refusal without a sentence: " + refusal);
        assertFalse(message.contains("\n"), () -> "one sentence: " + message);
        assertTrue(message.contains(file), () -> "the sentence names " + file + ": " + message);
    }

    public static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
