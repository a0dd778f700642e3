package dev.kigo.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved comparisons: a shared prompt and its columns, each with the generation that wrote it. A comparison is
 * saved whole or not at all, and read back exactly as it was saved. Pieces kept from one keep their text when
 * it is deleted; only their link to it goes.
 */
public final class ComparisonStore {
    private static final String COLUMNS_OF = """
            SELECT c.comparison_id, c.position, c.label, g.*
            FROM comparison_column c JOIN generation g ON g.id = c.generation_id
            WHERE c.comparison_id IN (%s) ORDER BY c.comparison_id, c.position""";

    private final Database database;

    ComparisonStore(Database database) {
        this.database = database;
    }

    /** Saves the comparison with every column's generation, in one transaction; returns its id. */
    public long save(ComparisonDraft draft) {
        return database.write("Could not save the comparison", connection -> {
            long now = database.now();
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO comparison (prompt, prompt_format, created_at) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, draft.prompt());
                insert.setString(2, draft.promptFormat());
                insert.setLong(3, now);
                insert.executeUpdate();
                id = Database.generatedKey(insert);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO comparison_column (comparison_id, position, label, generation_id) VALUES (?, ?, ?, ?)")) {
                for (int position = 0; position < draft.columns().size(); position++) {
                    ComparisonColumn column = draft.columns().get(position);
                    insert.setLong(1, id);
                    insert.setInt(2, position);
                    insert.setString(3, column.label());
                    insert.setLong(4, GenerationRows.insert(connection, column.generation(), now));
                    insert.executeUpdate();
                }
            }
            return id;
        });
    }

    public Optional<Comparison> find(long id) {
        return database.read("Could not read comparison " + id, connection ->
                comparisons(connection, "SELECT * FROM comparison WHERE id = ?", id).stream().findFirst());
    }

    /** The most recently saved comparisons, newest first. */
    public List<Comparison> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must be 0 or more, not " + limit + ".");
        }
        return database.read("Could not read the saved comparisons", connection -> comparisons(connection,
                "SELECT * FROM comparison ORDER BY created_at DESC, id DESC LIMIT ?", limit));
    }

    /**
     * Deletes the comparison and its columns' generations. Pieces kept from it stay, without the link. An unknown
     * id is ignored.
     */
    public void delete(long id) {
        database.write("Could not delete comparison " + id, connection -> {
            if (Database.update(connection, "DELETE FROM comparison WHERE id = ?", id) > 0) {
                GenerationRows.deleteUnreferenced(connection);
            }
            return null;
        });
    }

    /** The comparisons a query on the comparison table finds, in its order, each with its columns. */
    private static List<Comparison> comparisons(Connection connection, String sql, Object... parameters)
            throws SQLException {
        Map<Long, ComparisonHead> heads = new LinkedHashMap<>();
        try (PreparedStatement select = Database.prepare(connection, sql, parameters);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                heads.put(row.getLong("id"), new ComparisonHead(Instant.ofEpochMilli(row.getLong("created_at")),
                        row.getString("prompt"), row.getString("prompt_format"), new ArrayList<>()));
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(heads.size(), "?"));
        try (PreparedStatement select = Database.prepare(connection, COLUMNS_OF.formatted(placeholders),
                heads.keySet().toArray());
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                heads.get(row.getLong("comparison_id")).columns()
                        .add(new ComparisonColumn(row.getString("label"), GenerationRows.record(row)));
            }
        }
        List<Comparison> comparisons = new ArrayList<>(heads.size());
        heads.forEach((id, head) -> comparisons.add(
                new Comparison(id, head.createdAt(), head.prompt(), head.promptFormat(), head.columns())));
        return comparisons;
    }

    private record ComparisonHead(Instant createdAt, String prompt, String promptFormat,
                                  List<ComparisonColumn> columns) { }
}
