package dev.kigo.library;

import java.util.List;
import java.util.Objects;

/**
 * A piece about to be saved for the first time.
 *
 * @param content      what it says
 * @param keywords     the keywords it was written from (searchable); empty if none
 * @param favourite    marked as a favourite
 * @param tags         the poet's tags
 * @param comparisonId the saved comparison it was kept from; null when it was not kept from one
 */
public record PieceDraft(PieceContent content, String keywords, boolean favourite, List<String> tags,
                         Long comparisonId) {

    public PieceDraft {
        Objects.requireNonNull(content, "content");
        keywords = Objects.requireNonNullElse(keywords, "").strip();
        tags = Tags.normalise(tags);
    }

    /** A piece not kept from a comparison. */
    public PieceDraft(PieceContent content, String keywords, boolean favourite, List<String> tags) {
        this(content, keywords, favourite, tags, null);
    }

    public static PieceDraft of(PieceContent content) {
        return new PieceDraft(content, "", false, List.of());
    }

    /** This draft, kept from the saved comparison with this id. */
    public PieceDraft withComparison(long id) {
        return new PieceDraft(content, keywords, favourite, tags, id);
    }
}
