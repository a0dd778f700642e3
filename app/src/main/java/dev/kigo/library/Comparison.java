package dev.kigo.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saved comparison: one shared prompt and the columns written from it (each with its label and full
 * generation record), as they were when saved. Pieces kept from it name it ({@link Piece#comparisonId()}).
 *
 * @param id           its id in the library
 * @param createdAt    when it was saved
 * @param prompt       the input every column was given, in {@code promptFormat} (see {@link ComparisonDraft})
 * @param promptFormat the prompt format's name
 * @param columns      1 to {@value #MAX_COLUMNS} columns, in the order shown
 */
public record Comparison(long id, Instant createdAt, String prompt, String promptFormat,
                         List<ComparisonColumn> columns) {
    /** The most columns one comparison holds: four settings side by side, or up to twelve samples of one. */
    public static final int MAX_COLUMNS = 12;

    public Comparison {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(promptFormat, "promptFormat");
        columns = List.copyOf(columns);
    }

    static void requireColumnCount(int count) {
        if (count < 1 || count > MAX_COLUMNS) {
            throw new IllegalArgumentException(
                    "A comparison has 1 to " + MAX_COLUMNS + " columns, not " + count + ".");
        }
    }
}
