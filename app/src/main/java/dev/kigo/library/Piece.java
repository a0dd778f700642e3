package dev.kigo.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A piece as it stands now (its latest version), with what the library knows about it.
 *
 * @param generationId the latest generation in its history (the one "reproduce" runs again), if any
 * @param modelName    that generation's model, or empty
 * @param deletedAt    set while the piece is in the trash (deleted, still undoable)
 * @param comparisonId the saved comparison it was kept from; empty when it was not kept from one, or when that
 *                     comparison has since been deleted
 */
public record Piece(long id, PieceContent content, String keywords, boolean favourite, List<String> tags,
                    OptionalLong generationId, String modelName, Instant createdAt, Instant editedAt,
                    Optional<Instant> deletedAt, Optional<Long> comparisonId) {

    public Piece {
        tags = List.copyOf(tags);
        Objects.requireNonNull(comparisonId, "comparisonId");
    }

    public String title() {
        return content.title();
    }

    public String text() {
        return content.text();
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }
}
