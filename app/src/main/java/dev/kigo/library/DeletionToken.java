package dev.kigo.library;

import java.time.Instant;
import java.util.List;

/** Hands back what {@link PieceStore#delete} moved to the trash, so {@link PieceStore#undoDelete} can restore exactly that. */
public record DeletionToken(List<Long> pieceIds, Instant deletedAt) {
    public DeletionToken {
        pieceIds = List.copyOf(pieceIds);
    }
}
