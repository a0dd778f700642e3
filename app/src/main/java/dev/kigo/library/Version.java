package dev.kigo.library;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One state of a piece. Versions are never changed: each edit, regeneration or restore adds one whose
 * parent is the version it started from, so the poet can always go back.
 *
 * @param generationId the generation that wrote this version, if the model did
 */
public record Version(long id, long pieceId, OptionalLong parentId, VersionKind kind, PieceContent content,
                     OptionalLong generationId, Instant createdAt) { }
