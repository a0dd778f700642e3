package dev.kigo.library;

import java.util.List;
import java.util.Objects;

/**
 * A comparison about to be saved: one shared prompt and the columns written from it, in the order shown.
 *
 * @param prompt       the input every column was given, in {@code promptFormat}: the keywords for
 *                     keywords-to-haiku; for plain, the text continued as it is (a continued poem's stanza as the
 *                     model was given it: "<|endoftext|>(old pond = an old silent pond /")
 * @param promptFormat the prompt format's name (e.g. "keywords-to-haiku"), as the engine names it
 * @param columns      1 to {@value Comparison#MAX_COLUMNS} columns
 */
public record ComparisonDraft(String prompt, String promptFormat, List<ComparisonColumn> columns) {

    public ComparisonDraft {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(promptFormat, "promptFormat");
        columns = List.copyOf(columns);
        Comparison.requireColumnCount(columns.size());
    }
}
