package dev.kigo.library;

import dev.kigo.generate.FinishReason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pieces, their versions and the generations that wrote them. Every change is one transaction: a piece is
 * saved with its first version, tags and generation, or not at all.
 */
public final class PieceStore {
    private static final String TAG_SEPARATOR = "\u001f";
    private static final String PIECE_COLUMNS = """
            p.id, p.title, p.text, p.form, p.verdict_json, p.form_valid, p.keywords, p.favourite, p.generation_id,
            p.created_at, p.edited_at, p.deleted_at, p.comparison_id, coalesce(g.model_name, '') AS model_name,
            (SELECT group_concat(name, char(31)) FROM (SELECT name FROM tag WHERE piece_id = p.id ORDER BY name))
                AS tag_names
            """;
    private static final String PIECE_FROM = " FROM piece p LEFT JOIN generation g ON g.id = p.generation_id";

    private final Database database;

    PieceStore(Database database) {
        this.database = database;
    }

    // Saving and changing

    /**
     * Saves a new piece with its first version and, if the model wrote it, the generation (null when the poet
     * wrote it by hand).
     */
    public Piece save(PieceDraft draft, GenerationRecord generation) {
        return saveAll(List.of(draft), Collections.singletonList(generation)).get(0);
    }

    /**
     * Saves a new piece the model wrote and the poet then changed, in one transaction: its first version is the
     * stanza as the generation left it ({@code asGenerated}), the second the poet's text ({@code draft}), so the
     * library keeps what the model wrote, what the poet changed, and the generation both descend from.
     */
    public Piece saveChanged(PieceDraft draft, GenerationRecord generation, PieceContent asGenerated) {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(asGenerated, "asGenerated");
        long id = database.write("Could not save the piece", connection -> {
            long now = database.now();
            return insertPiece(connection, draft, generation, now, asGenerated);
        });
        return get(id);
    }

    /**
     * Saves new pieces, each with the generation at the same place in {@code generations} (null entries for
     * pieces written by hand), in one transaction: all of them are saved, or none (a batch that fails half-way
     * leaves nothing the poet was not told about).
     */
    public List<Piece> saveAll(List<PieceDraft> drafts, List<GenerationRecord> generations) {
        if (drafts.size() != generations.size()) {
            throw new IllegalArgumentException(drafts.size() + " pieces but " + generations.size() + " generations.");
        }
        String failure = drafts.size() == 1 ? "Could not save the piece"
                : "Could not save the " + drafts.size() + " pieces (none of them was saved)";
        List<Long> ids = database.write(failure, connection -> {
            long now = database.now();
            List<Long> saved = new ArrayList<>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                saved.add(insertPiece(connection, drafts.get(i), generations.get(i), now, null));
            }
            return saved;
        });
        return ids.stream().map(this::get).toList();
    }

    /** Parameters 1 to 5 of the piece INSERT and UPDATE: title, text, form, verdict, whether it keeps the form. */
    private static void bindContent(PreparedStatement statement, PieceContent content) throws SQLException {
        statement.setString(1, content.title());
        statement.setString(2, content.text());
        statement.setString(3, content.form());
        statement.setString(4, content.verdictJson());
        statement.setBoolean(5, content.formValid());
    }

    /** Inserts a piece; with {@code asGenerated}, its first version is that and the draft's content an edit of it. */
    private long insertPiece(Connection connection, PieceDraft draft, GenerationRecord generation, long now,
                             PieceContent asGenerated) throws SQLException {
        Long generationId = generation == null ? null : GenerationRows.insert(connection, generation, now);
        long pieceId;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO piece (title, text, form, verdict_json, form_valid, keywords, favourite,
                                   generation_id, created_at, edited_at, comparison_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            bindContent(insert, draft.content());
            insert.setString(6, draft.keywords());
            insert.setBoolean(7, draft.favourite());
            setNullableLong(insert, 8, generationId);
            insert.setLong(9, now);
            insert.setLong(10, now);
            setNullableLong(insert, 11, draft.comparisonId());
            insert.executeUpdate();
            pieceId = Database.generatedKey(insert);
        }
        VersionKind kind = generation == null ? VersionKind.WRITTEN : VersionKind.GENERATED;
        if (asGenerated == null) {
            insertVersion(connection, pieceId, null, kind, draft.content(), generationId, now);
        } else {
            long first = insertVersion(connection, pieceId, null, kind, asGenerated, generationId, now);
            insertVersion(connection, pieceId, first, VersionKind.EDITED, draft.content(), generationId, now);
        }
        insertTags(connection, pieceId, draft.tags());
        return pieceId;
    }

    /** The poet changed the piece: a new version whose parent is the current one. */
    public Piece edit(long pieceId, PieceContent content) {
        return addVersion(pieceId, VersionKind.EDITED, content, null);
    }

    /** The model wrote the piece again: a new version linked to the new generation. */
    public Piece regenerate(long pieceId, PieceContent content, GenerationRecord generation) {
        return addVersion(pieceId, VersionKind.REGENERATED, content, Objects.requireNonNull(generation, "generation"));
    }

    /**
     * Goes back to an earlier version by copying it into a new one (history is never rewritten, so going back
     * can itself be undone).
     */
    public Piece restore(long pieceId, long versionId) {
        Version earlier = versions(pieceId).stream().filter(v -> v.id() == versionId).findFirst()
                .orElseThrow(() -> new LibraryException("Piece " + pieceId + " has no version " + versionId + "."));
        return addVersion(pieceId, VersionKind.RESTORED, earlier.content(), null,
                earlier.generationId().isPresent() ? earlier.generationId().getAsLong() : null);
    }

    private Piece addVersion(long pieceId, VersionKind kind, PieceContent content, GenerationRecord generation) {
        return addVersion(pieceId, kind, content, generation, null);
    }

    private Piece addVersion(long pieceId, VersionKind kind, PieceContent content, GenerationRecord generation,
                             Long restoredGenerationId) {
        database.write("Could not save the new version of piece " + pieceId, connection -> {
            requireLivePiece(connection, pieceId);
            long now = database.now();
            long parentId;
            Long parentGenerationId;
            try (PreparedStatement latest = connection.prepareStatement(
                    "SELECT id, generation_id FROM version WHERE piece_id = ? ORDER BY id DESC LIMIT 1")) {
                latest.setLong(1, pieceId);
                try (ResultSet row = latest.executeQuery()) {
                    row.next();
                    parentId = row.getLong(1);
                    parentGenerationId = nullableLong(row, 2);
                }
            }
            // A version keeps the generation its text descends from: an edit inherits its parent's.
            Long generationId = switch (kind) {
                case REGENERATED -> GenerationRows.insert(connection, generation, now);
                case RESTORED -> restoredGenerationId;
                default -> parentGenerationId;
            };
            insertVersion(connection, pieceId, parentId, kind, content, generationId, now);
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE piece SET title = ?, text = ?, form = ?, verdict_json = ?, form_valid = ?,
                                     generation_id = ?, edited_at = ?
                    WHERE id = ?""")) {
                bindContent(update, content);
                setNullableLong(update, 6, generationId);
                update.setLong(7, now);
                update.setLong(8, pieceId);
                update.executeUpdate();
            }
            return null;
        });
        return get(pieceId);
    }

    public void setFavourite(long pieceId, boolean favourite) {
        database.write("Could not change the favourite mark of piece " + pieceId, connection -> {
            requirePiece(connection, pieceId);
            Database.update(connection, "UPDATE piece SET favourite = ? WHERE id = ?", favourite ? 1 : 0, pieceId);
            return null;
        });
    }

    /** Replaces the piece's tags. */
    public void setTags(long pieceId, Collection<String> tags) {
        List<String> clean = Tags.normalise(tags);
        database.write("Could not change the tags of piece " + pieceId, connection -> {
            requirePiece(connection, pieceId);
            Database.update(connection, "DELETE FROM tag WHERE piece_id = ?", pieceId);
            insertTags(connection, pieceId, clean);
            return null;
        });
    }

    public void addTag(long pieceId, String tag) {
        List<String> tags = new ArrayList<>(get(pieceId).tags());
        tags.add(tag);
        setTags(pieceId, tags);
    }

    public void removeTag(long pieceId, String tag) {
        List<String> tags = new ArrayList<>(get(pieceId).tags());
        tags.removeIf(existing -> Tags.key(existing).equals(Tags.key(tag)));
        setTags(pieceId, tags);
    }

    // Deleting, with undo

    /** Moves pieces to the trash; the token brings back exactly these. Unknown ids are ignored. */
    public DeletionToken delete(Collection<Long> pieceIds) {
        Instant when = Instant.ofEpochMilli(database.now());
        List<Long> deleted = database.write("Could not delete", connection -> {
            List<Long> moved = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE piece SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")) {
                for (long id : pieceIds) {
                    update.setLong(1, when.toEpochMilli());
                    update.setLong(2, id);
                    if (update.executeUpdate() == 1) {
                        moved.add(id);
                    }
                }
            }
            return moved;
        });
        return new DeletionToken(deleted, when);
    }

    public DeletionToken delete(long... pieceIds) {
        return delete(Arrays.stream(pieceIds).boxed().toList());
    }

    /** Brings back the pieces a delete moved to the trash (those still there). Returns how many came back. */
    public int undoDelete(DeletionToken token) {
        return database.write("Could not undo the delete", connection -> {
            int restored = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE piece SET deleted_at = NULL WHERE id = ? AND deleted_at = ?")) {
                for (long id : token.pieceIds()) {
                    update.setLong(1, id);
                    update.setLong(2, token.deletedAt().toEpochMilli());
                    restored += update.executeUpdate();
                }
            }
            return restored;
        });
    }

    /**
     * Removes for good the pieces deleted before the given time, with their versions, tags and the generations
     * nothing else refers to. Returns how many pieces went.
     */
    public int emptyTrash(Instant deletedBefore) {
        return database.write("Could not empty the trash", connection -> {
            int removed = Database.update(connection,
                    "DELETE FROM piece WHERE deleted_at IS NOT NULL AND deleted_at < ?", deletedBefore.toEpochMilli());
            GenerationRows.deleteUnreferenced(connection);
            return removed;
        });
    }

    // Reading

    /** The piece with this id, also when it is in the trash. */
    public Optional<Piece> find(long pieceId) {
        return database.first("Could not read piece " + pieceId,
                "SELECT " + PIECE_COLUMNS + PIECE_FROM + " WHERE p.id = ?", PieceStore::piece, pieceId);
    }

    public Piece get(long pieceId) {
        return find(pieceId).orElseThrow(() -> new LibraryException("There is no piece " + pieceId + " in the library."));
    }

    /** Every version of the piece, oldest first; the last one is the piece as it stands. */
    public List<Version> versions(long pieceId) {
        return database.list("Could not read the versions of piece " + pieceId, """
                SELECT id, piece_id, parent_id, kind, title, text, form, verdict_json, form_valid, generation_id,
                       created_at
                FROM version WHERE piece_id = ? ORDER BY id""", PieceStore::version, pieceId);
    }

    public Optional<StoredGeneration> generation(long generationId) {
        return database.first("Could not read generation " + generationId, "SELECT * FROM generation WHERE id = ?",
                GenerationRows::stored, generationId);
    }

    /** What to run again to reproduce the piece's latest generation; empty for a piece written by hand. */
    public Optional<Reproduction> reproduction(long pieceId) {
        OptionalLong generationId = get(pieceId).generationId();
        if (generationId.isEmpty()) {
            return Optional.empty();
        }
        return generation(generationId.getAsLong()).map(StoredGeneration::reproduction);
    }

    public List<Piece> search(SearchQuery query) {
        SqlFilter filter = SqlFilter.of(query);
        List<Object> parameters = new ArrayList<>(filter.parameters());
        parameters.add(query.limit());
        parameters.add(query.offset());
        return database.list("Could not search the library",
                "SELECT " + PIECE_COLUMNS + PIECE_FROM + filter.joinAndWhere() + " ORDER BY " + filter.orderBy()
                        + " LIMIT ? OFFSET ?",
                PieceStore::piece, parameters.toArray());
    }

    /** How many pieces the query finds, ignoring its limit and offset. */
    public int count(SearchQuery query) {
        SqlFilter filter = SqlFilter.of(query);
        return database.first("Could not count the library", "SELECT count(*)" + PIECE_FROM + filter.joinAndWhere(),
                row -> row.getInt(1), filter.parameters().toArray()).orElse(0);
    }

    /** Every tag in use on pieces outside the trash, alphabetically. */
    public List<String> tags() {
        return database.list("Could not read the tags", """
                SELECT DISTINCT t.name FROM tag t JOIN piece p ON p.id = t.piece_id
                WHERE p.deleted_at IS NULL ORDER BY t.name""", row -> row.getString(1));
    }

    /** Every model that wrote a piece outside the trash, alphabetically (for the model filter). */
    public List<String> modelNames() {
        return database.list("Could not read the model names", """
                SELECT DISTINCT g.model_name FROM piece p JOIN generation g ON g.id = p.generation_id
                WHERE p.deleted_at IS NULL ORDER BY g.model_name COLLATE NOCASE""", row -> row.getString(1));
    }

    // Rows

    private static long insertVersion(Connection connection, long pieceId, Long parentId, VersionKind kind,
                                      PieceContent content, Long generationId, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO version (piece_id, parent_id, kind, title, text, form, verdict_json, form_valid,
                                     generation_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, pieceId);
            setNullableLong(insert, 2, parentId);
            insert.setString(3, kind.name());
            insert.setString(4, content.title());
            insert.setString(5, content.text());
            insert.setString(6, content.form());
            insert.setString(7, content.verdictJson());
            insert.setBoolean(8, content.formValid());
            setNullableLong(insert, 9, generationId);
            insert.setLong(10, now);
            insert.executeUpdate();
            return Database.generatedKey(insert);
        }
    }

    private static void insertTags(Connection connection, long pieceId, List<String> tags) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO tag (piece_id, name) VALUES (?, ?)")) {
            for (String tag : tags) {
                insert.setLong(1, pieceId);
                insert.setString(2, tag);
                insert.executeUpdate();
            }
        }
    }

    private enum PieceState { MISSING, LIVE, IN_TRASH }

    private static void requirePiece(Connection connection, long pieceId) throws SQLException {
        if (state(connection, pieceId) == PieceState.MISSING) {
            throw new LibraryException("There is no piece " + pieceId + " in the library.");
        }
    }

    private static void requireLivePiece(Connection connection, long pieceId) throws SQLException {
        switch (state(connection, pieceId)) {
            case MISSING -> throw new LibraryException("There is no piece " + pieceId + " in the library.");
            case IN_TRASH -> throw new LibraryException(
                    "Piece " + pieceId + " is in the trash; undo the delete before changing it.");
            case LIVE -> { }
        }
    }

    private static PieceState state(Connection connection, long pieceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT deleted_at FROM piece WHERE id = ?")) {
            select.setLong(1, pieceId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return PieceState.MISSING;
                }
                return nullableLong(row, 1) == null ? PieceState.LIVE : PieceState.IN_TRASH;
            }
        }
    }

    private static Piece piece(ResultSet row) throws SQLException {
        String tagNames = row.getString("tag_names");
        List<String> tags = tagNames == null ? List.of() : List.of(tagNames.split(TAG_SEPARATOR));
        Long deletedAt = nullableLong(row, "deleted_at");
        return new Piece(row.getLong("id"),
                new PieceContent(row.getString("title"), row.getString("text"), row.getString("form"),
                        row.getString("verdict_json"), row.getBoolean("form_valid")),
                row.getString("keywords"), row.getBoolean("favourite"), tags, optionalLong(row, "generation_id"),
                row.getString("model_name"), Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("edited_at")),
                Optional.ofNullable(deletedAt).map(Instant::ofEpochMilli),
                Optional.ofNullable(nullableLong(row, "comparison_id")));
    }

    private static Version version(ResultSet row) throws SQLException {
        return new Version(row.getLong("id"), row.getLong("piece_id"), optionalLong(row, "parent_id"),
                VersionKind.valueOf(row.getString("kind")),
                new PieceContent(row.getString("title"), row.getString("text"), row.getString("form"),
                        row.getString("verdict_json"), row.getBoolean("form_valid")),
                optionalLong(row, "generation_id"), Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static OptionalLong optionalLong(ResultSet row, String column) throws SQLException {
        Long value = nullableLong(row, column);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
