package dev.kigo.library;

import java.util.Objects;

/**
 * One column of a comparison: what the poet called it (a preset's name, "seed 8", a model) and the generation
 * that wrote it, settings and seed included.
 *
 * @param label      the column's heading; blank becomes empty
 * @param generation everything that made the column's text, as a piece's generation is stored
 */
public record ComparisonColumn(String label, GenerationRecord generation) {

    public ComparisonColumn {
        label = Objects.requireNonNullElse(label, "").strip();
        Objects.requireNonNull(generation, "generation");
    }
}
