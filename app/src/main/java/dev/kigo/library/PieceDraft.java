package dev.kigo.library;

import java.util.List;
import java.util.Objects;

/**
 * A piece about to be saved for the first time.
 *
 * @param content   what it says
 * @param keywords  the keywords it was written from (searchable); empty if none
 * @param favourite marked as a favourite
 * @param tags      the poet's tags
 */
public record PieceDraft(PieceContent content, String keywords, boolean favourite, List<String> tags) {

    public PieceDraft {
        Objects.requireNonNull(content, "content");
        keywords = Objects.requireNonNullElse(keywords, "").strip();
        tags = Tags.normalise(tags);
    }

    public static PieceDraft of(PieceContent content) {
        return new PieceDraft(content, "", false, List.of());
    }
}
